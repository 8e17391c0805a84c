package grants.core.run;

import grants.core.errors.InvalidInputException;

import java.util.Optional;

/**
 * What a programme manager decides by committing: the preview they looked at (its input hash), and,
 * to commit an input that a run already holds, which run the new one supersedes and why.
 */
public record CommitRequest(String previewInputHash, Optional<Supersession> supersedes) {

    /** A deliberate second run of the same input, recorded with its reason. */
    public record Supersession(String runId, String reason) {
    }

    public CommitRequest {
        if (previewInputHash == null || !previewInputHash.matches("[0-9a-f]{64}")) {
            throw InvalidInputException.of("inputHash", "must be the inputHash of the dry run you are confirming"
                    + " (64 hexadecimal characters): preview the run first");
        }
    }

    /** Confirms a preview; no run is superseded. */
    public static CommitRequest confirming(String previewInputHash) {
        return new CommitRequest(previewInputHash, Optional.empty());
    }
}
