package grants.core.governance;

/** A scrutiny review's state at the end of a day (G9). */
public enum ReviewState { SCOPED, GATHERING, REPORTED, RESPONDED, CLOSED }
