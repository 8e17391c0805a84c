package grants.core.programme;

/** Rule R7: how the pool of withdrawn (and optionally unclaimed) grants is shared. */
public enum RedistributionPolicy {
    /** The same share to every funded partnership. */
    EQUAL,
    /** Shares in proportion to base grants. */
    PRO_RATA
}
