package grants.core.governance;

/** A recommendation's state at the end of a day (G7), computed from its answer and its actions. */
public enum RecommendationState {
    AWAITING_RESPONSE, RESPONSE_OVERDUE, REJECTED, IMPLEMENTING, IMPLEMENTATION_OVERDUE, IMPLEMENTED, NOT_IMPLEMENTED;

    /** Nothing more will happen to it. */
    public boolean isSettled() {
        return this == REJECTED || this == IMPLEMENTED || this == NOT_IMPLEMENTED;
    }
}
