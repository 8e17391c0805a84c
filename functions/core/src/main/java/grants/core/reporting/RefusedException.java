package grants.core.reporting;

import grants.core.errors.ConflictException;

/** A change refused by a rule of the register (P10, the locked fields): a 409 naming its reason and subject. */
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
