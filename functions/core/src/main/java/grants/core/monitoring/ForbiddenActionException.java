package grants.core.monitoring;

import grants.core.access.ForbiddenException;

/** A refusal about who asked (M14: not theirs to do): a 403 that still names its reason and subject. */
public class ForbiddenActionException extends ForbiddenException {

    private final Refusal refusal;
    private final String subject;

    public ForbiddenActionException(RefusedException refused) {
        super(refused.getMessage());
        this.refusal = refused.refusal();
        this.subject = refused.subject();
    }

    public Refusal refusal() {
        return refusal;
    }

    public String subject() {
        return subject;
    }
}
