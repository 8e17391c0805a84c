package grants.core.reporting;

import grants.core.errors.ConflictException;

/** A change refused by a rule of the register (P10, the locked fields): a 409 whose code is its reason. */
public class RefusedException extends ConflictException {

    private final Refusal refusal;

    public RefusedException(Refusal refusal, String subject) {
        super(refusal.name(), subject + ": " + refusal.explanation());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
