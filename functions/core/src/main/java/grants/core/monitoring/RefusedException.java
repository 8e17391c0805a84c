package grants.core.monitoring;

import grants.core.errors.ConflictException;

/**
 * An action refused by rule M14, naming what it was refused on (a return, a milestone,
 * {@code <agreement>/<n>} for an instalment, or the agreement). The use case turns the refusals
 * about who asked into a 403 ({@link ForbiddenActionException}); nothing was changed either way.
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
