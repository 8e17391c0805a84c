package grants.core.reporting;

import grants.core.access.ForbiddenException;

/** A change refused because of who asked (P10: not the owner or a manager): a 403 naming its reason and subject. */
public class NotYoursException extends ForbiddenException {

    private final Refusal refusal;
    private final String subject;

    public NotYoursException(Refusal refusal, String subject) {
        super(subject + ": " + refusal.explanation());
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
