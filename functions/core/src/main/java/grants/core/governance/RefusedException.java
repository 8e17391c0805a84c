package grants.core.governance;

import grants.core.errors.ConflictException;

/**
 * A governance event refused by rule G12, naming its subject (a decision, action, recommendation,
 * review, evidence or finding). The use case turns {@link Refusal#NOT_ALLOWED} into a 403
 * ({@link ForbiddenActionException}); nothing was changed either way.
 */
public class RefusedException extends ConflictException {

    private final Refusal refusal;
    private final String subject;

    public RefusedException(Refusal refusal, String subject) {
        super(refusal.name(), subject + ": " + refusal.explanation());
        this.refusal = refusal;
        this.subject = subject;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String subject() {
        return subject;
    }
}
