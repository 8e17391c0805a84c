package grants.core.monitoring;

/** Where a return stands at the end of a day (M3, M4); always computed, never set by hand. */
public enum ReturnState { PLANNED, OPEN, OVERDUE, SUBMITTED, RETURNED, ACCEPTED, SKIPPED }
