package grants.core.governance;

import grants.core.errors.ConflictException;

/**
 * A governance event refused by rule G12, naming its subject (a decision, action, recommendation,
 * review, evidence or finding). The use case turns {@link Refusal#NOT_ALLOWED} into a 403
 * ({@link ForbiddenActionException}); nothing was changed either way.
 */
public class RefusedException extends ConflictException {

    /** The reason and what was refused: what {@code refused.csv} and a 409's body name. */
    public record Refused(Refusal refusal, String subject) {
    }

    private final Refused refused;

    public RefusedException(Refusal refusal, String subject) {
        super(refusal.name(), subject + ": " + refusal.explanation());
        this.refused = new Refused(refusal, subject);
    }

    public Refusal refusal() {
        return refused.refusal();
    }

    public String subject() {
        return refused.subject();
    }
}
