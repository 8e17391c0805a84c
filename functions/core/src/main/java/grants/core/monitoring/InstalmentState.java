package grants.core.monitoring;

/** Where an instalment stands (M13): exactly one of these, always computed. */
public enum InstalmentState { PAID, HELD, DUE, CANCELLED, NOT_DUE }
