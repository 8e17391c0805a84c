package grants.core.ledger;

/** What one entry of the ledger records. */
public enum EntryKind {
    /** Money promised by the system when it happened: a run's grants, a contract's year, a booking, an event. */
    COMMITTED,
    /** A commitment given back (a booking cancelled): committed goes down by as much. */
    RELEASED,
    /** Committed money spent: an instalment or grant paid by finance's payment run. */
    PAID,
    /** Finance's correction of what is committed, with its reason (positive or negative). */
    ADJUSTED,
    /** A fund's unawarded money moved to a second call within the same fund, and arriving there. */
    CARRIED_OUT,
    CARRIED_IN,
    /** An overspend approved by a second person: the line may go this far below zero. */
    OVERSPEND_APPROVED
}
