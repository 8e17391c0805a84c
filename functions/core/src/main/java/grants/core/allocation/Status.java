package grants.core.allocation;

public enum Status {
    /** Participates and is not withdrawn (R5): base grant plus a share of the pool. */
    FUNDED,
    /** In a locality that missed the district-majority condition (R4): nothing. */
    WITHDRAWN,
    /** Submitted no project and is not withdrawn (R6): nothing. */
    NOT_PARTICIPATING
}
