package grants.core.reporting;

/** P5: a quarter's status, computed from year to date against target to date; nobody types one. */
public enum Status {
    MET("Met"),
    NEAR("Near the target"),
    NOT_MET("Not met"),
    NO_TARGET("No target for the year"),
    NO_DATA("No figure yet"),
    INCOMPLETE("Incomplete: a quarter of the year has no figure");

    private final String words;

    Status(String words) {
        this.words = words;
    }

    /** How a page says it, beside its tag: never by colour alone. */
    public String words() {
        return words;
    }
}
