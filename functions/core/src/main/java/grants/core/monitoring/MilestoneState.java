package grants.core.monitoring;

/** M6, always computed. */
public enum MilestoneState { PLANNED, LATE, ACHIEVED, WAIVED }
