package grants.core.monitoring;

/**
 * Why an action on an agreement is refused (M14), in the order they are checked. Nothing changes
 * when one is. The first ones are about the state of things (409); {@link #isAboutWho()} says the
 * rest are about who asked (403).
 */
public enum Refusal {
    TERMINATED("the agreement has been terminated; only its owed work goes on"),
    FINAL("the return has been accepted or skipped, which is final"),
    NOT_OPEN("the return does not open until the day after its quarter (or the agreement) ends"),
    NOT_SUBMITTED("the return has not been submitted"),
    ALREADY_SUBMITTED("the return has been submitted and is waiting for review"),
    NOT_SKIPPABLE("a submitted return is reviewed, not skipped"),
    OWN_SUBMISSION("nobody reviews their own submission"),
    NOT_LEAD_CONTACT("only a lead contact of the agreement's organisation submits its returns"),
    NOT_ALLOWED("your role does not allow this on this agreement"),
    ALREADY_DONE("the milestone has already been achieved or waived"),
    ALREADY_HELD("the instalment is already held by hand"),
    NOT_HELD("the instalment is not held"),
    PAID("the instalment has been paid"),
    APPROVED_BY_REQUESTER("an override needs a second person to approve it"),
    APPROVER_NOT_ALLOWED("an override is approved by a manager or a finance officer");

    private final String explanation;

    Refusal(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    public boolean isAboutWho() {
        return switch (this) {
            case OWN_SUBMISSION, NOT_LEAD_CONTACT, NOT_ALLOWED, APPROVED_BY_REQUESTER, APPROVER_NOT_ALLOWED -> true;
            default -> false;
        };
    }
}
