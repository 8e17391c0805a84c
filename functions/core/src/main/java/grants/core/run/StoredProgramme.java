package grants.core.run;

import grants.core.programme.Programme;

/** A programme as stored, with the version that guards read-modify-write and the hash of its canonical form. */
public record StoredProgramme(Programme programme, long version, String inputHash) {
}
