package grants.core.reporting;

/** P6: a quarter's value against another quarter's, by the indicator's polarity. */
public enum Direction {
    IMPROVED("better than"),
    WORSENED("worse than"),
    SAME("the same as"),
    NONE("no figure to compare with");

    private final String words;

    Direction(String words) {
        this.words = words;
    }

    /** "better than the previous quarter", or "no figure to compare with the same quarter last year". */
    public String words(String against) {
        return words + " " + against;
    }
}
