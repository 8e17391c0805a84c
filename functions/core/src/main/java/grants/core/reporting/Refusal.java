package grants.core.reporting;

/**
 * Why a change to the register or its figures is refused, in the order P10 checks them. Nothing
 * changes when one is. {@link #isAboutWho()}: a 403 ({@link NotYoursException}); the rest a 409.
 */
public enum Refusal {
    NOT_OWNER, NOT_NARRATIVE_OWNER, NOT_MANAGER, BEFORE_BASELINE, QUARTER_NOT_ENDED, REVISION_WITHOUT_REASON, LOCKED;

    /** What the person refused is told. */
    public String explanation() {
        return switch (this) {
            case NOT_OWNER -> "only the indicator's owner or a manager records its figures";
            case NOT_NARRATIVE_OWNER -> "only the indicator's owner writes its narrative";
            case NOT_MANAGER -> "only a manager keeps the register";
            case BEFORE_BASELINE -> "the quarter is before the indicator's baseline";
            case QUARTER_NOT_ENDED -> "the quarter has not ended: a figure is recorded from the day after its last day";
            case REVISION_WITHOUT_REASON -> "the quarter already has a figure: a revision must say why";
            case LOCKED -> "the indicator has figures, so its measure, accumulation and polarity stay as they are: "
                    + "add a new indicator instead";
        };
    }

    public boolean isAboutWho() {
        return this == NOT_OWNER || this == NOT_NARRATIVE_OWNER || this == NOT_MANAGER;
    }
}
