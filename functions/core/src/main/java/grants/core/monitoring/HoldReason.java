package grants.core.monitoring;

/** Why a payment run holds an instalment (M10); each computed from the records, never typed. */
public enum HoldReason {
    RETURN_OVERDUE("a return is overdue"),
    RETURN_NOT_ACCEPTED("a return is not yet accepted"),
    MILESTONE_MISSED("a milestone it depends on is missed"),
    OTHER_AGREEMENT("a return under another agreement of the organisation is outstanding"),
    FINAL_RETURN("the final return is not yet accepted"),
    MANUAL("held by hand"),
    /** M9: nothing is paid before the lead organisation has accepted the agreement. */
    NOT_ACCEPTED("the contract has not been accepted by its lead organisation");

    private final String words;

    HoldReason(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The words for an agreement of this source: a grant is a grant, not a contract. */
    public String words(Agreement.Source source) {
        return source == Agreement.Source.GRANT ? words.replace("the contract", "the grant") : words;
    }
}
