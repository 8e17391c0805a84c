package grants.core.governance;

/** An action's state at the end of a day (G5), computed from what was done, never typed. */
public enum ActionState { OPEN, IN_PROGRESS, COMPLETED, DROPPED }
