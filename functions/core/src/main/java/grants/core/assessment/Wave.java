package grants.core.assessment;

/** When an assessment is made: at the programme's start (the baseline) or at its end. */
public enum Wave {
    BASELINE, END
}
