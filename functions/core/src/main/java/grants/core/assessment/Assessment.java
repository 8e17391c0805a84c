package grants.core.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A partnership's assessment, kept exactly as submitted: its answers never change. The Project
 * Champion's confirmation and, for a joint review, the government reviewer's co-signature are added
 * once each; a later view of the partnership is a new assessment.
 */
public record Assessment(String id, String programmeId, String partnershipId, int frameworkVersion, Wave wave,
                         Kind kind, List<Answer> answers, String submittedBy, Instant submittedAt,
                         Optional<Signature> confirmed, Optional<Signature> coSigned) {

    public Assessment {
        answers = List.copyOf(answers);
    }

    /** Computed, never typed: what is still missing before the assessment counts. */
    public Status status() {
        if (confirmed.isEmpty()) {
            return Status.AWAITING_CHAMPION;
        }
        return kind == Kind.JOINT_REVIEW && coSigned.isEmpty() ? Status.AWAITING_CO_SIGNATURE : Status.CONFIRMED;
    }

    /** Whether it counts in the profile and the regional table: confirmed (and co-signed where joint). */
    public boolean counts() {
        return status() == Status.CONFIRMED;
    }

    public Assessment confirmedBy(Signature signature) {
        return new Assessment(id, programmeId, partnershipId, frameworkVersion, wave, kind, answers, submittedBy,
                submittedAt, Optional.of(signature), coSigned);
    }

    public Assessment coSignedBy(Signature signature) {
        return new Assessment(id, programmeId, partnershipId, frameworkVersion, wave, kind, answers, submittedBy,
                submittedAt, confirmed, Optional.of(signature));
    }

    public enum Status {
        AWAITING_CHAMPION, AWAITING_CO_SIGNATURE, CONFIRMED
    }
}
