package grants.core.evaluation;

/** When a survey is taken: at the start of the programme, to set the baseline, or at its end, to compare. */
public enum Wave {
    BASELINE("baseline"),
    END("end of programme");

    private final String words;

    Wave(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
