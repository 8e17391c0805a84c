package grants.core.reporting;

/**
 * Why a change to the register or its figures is refused, in the order P10 checks them. Nothing
 * changes when one is. {@link #isAboutWho()}: a 403; the rest a 409.
 */
public enum Refusal {
    NOT_OWNER("only the indicator's owner or a manager records its figures"),
    NOT_NARRATIVE_OWNER("only the indicator's owner writes its narrative"),
    NOT_MANAGER("only a manager keeps the register"),
    BEFORE_BASELINE("the quarter is before the indicator's baseline"),
    QUARTER_NOT_ENDED("the quarter has not ended: a figure is recorded from the day after its last day"),
    REVISION_WITHOUT_REASON("the quarter already has a figure: a revision must say why"),
    LOCKED("the indicator has figures, so its measure, accumulation and polarity stay as they are: add a new indicator instead");

    private final String explanation;

    Refusal(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    public boolean isAboutWho() {
        return this == NOT_OWNER || this == NOT_NARRATIVE_OWNER || this == NOT_MANAGER;
    }
}
