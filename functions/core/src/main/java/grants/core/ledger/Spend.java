package grants.core.ledger;

/** What a budget line pays for, and what a commitment is for. */
public enum Spend {
    /** A committed allocation run's grants. */
    GRANTS("grants"),
    /** A commissioning contract's instalments. */
    CONTRACTS("contracts"),
    /** Advisers' days, at their day rate. */
    ADVISER_DAYS("adviser days"),
    /** Workshops, Action Learning Sets and seminars: venues, facilitators, presenters. */
    EVENTS("events"),
    EVALUATION("evaluation"),
    ADMINISTRATION("administration");

    private final String words;

    Spend(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
