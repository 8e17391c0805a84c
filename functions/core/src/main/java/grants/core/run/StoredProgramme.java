package grants.core.run;

import grants.core.programme.Programme;

import java.util.Optional;

/**
 * A programme as stored, with the version that guards read-modify-write and the hash of its
 * canonical form; after a save, {@code replacedInputHash} is the hash of the programme it replaced.
 */
public record StoredProgramme(Programme programme, long version, String inputHash, Optional<String> replacedInputHash) {

    /** As read: nothing was replaced by reading it. */
    public StoredProgramme(Programme programme, long version, String inputHash) {
        this(programme, version, inputHash, Optional.empty());
    }
}
