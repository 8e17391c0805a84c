package grants.core.governance;

import grants.core.access.ForbiddenException;

/** A governance event refused because it is not the caller's to do (G12 NOT_ALLOWED): a 403 naming its subject. */
public class ForbiddenActionException extends ForbiddenException {

    private final String subject;

    public ForbiddenActionException(RefusedException refused) {
        super(refused.getMessage());
        this.subject = refused.subject();
    }

    public Refusal refusal() {
        return Refusal.NOT_ALLOWED;
    }

    public String subject() {
        return subject;
    }
}
