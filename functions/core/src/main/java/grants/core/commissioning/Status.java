package grants.core.commissioning;

/** Where a proposal stands once the rules have run (C4, C7 to C10). */
public enum Status {
    AWARDED, NOT_FUNDED_NO_BUDGET, NOT_FUNDED_SCORE, INELIGIBLE, NOT_DECIDED, NEEDS_MODERATION, PENDING,
    /** Not funded: the programme manager declined it, with a reason (never by the rules alone). */
    DECLINED
}
