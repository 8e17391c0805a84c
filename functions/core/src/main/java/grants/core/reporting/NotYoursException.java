package grants.core.reporting;

import grants.core.access.ForbiddenException;

/** A change refused because of who asked (P10: not the owner, not a manager): a 403 that names its reason. */
public class NotYoursException extends ForbiddenException {

    private final Refusal refusal;

    public NotYoursException(Refusal refusal, String subject) {
        super(subject + ": " + refusal.explanation());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
