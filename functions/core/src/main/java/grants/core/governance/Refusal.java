package grants.core.governance;

/**
 * Why the live system refuses a governance event (G12), in the order they are checked; the first
 * that applies is the one given. Nothing changes when one is. {@link #NOT_ALLOWED} is about who asked
 * (403); the rest are about the state of things (409).
 */
public enum Refusal {
    NOT_ALLOWED, ADVISORY, INQUORATE, FINAL, NOT_SMART, NO_REASON, NO_EVIDENCE, EMPTY_REPORT, OUT_OF_SCOPE;

    /** What the person refused is told, after the subject's id. */
    public String explanation() {
        return switch (this) {
            case NOT_ALLOWED -> "it is not yours to do";
            case ADVISORY -> "an advisory body recommends, notes and reports; it does not decide actions, variations "
                    + "or drops";
            case INQUORATE -> "too few voting members were left on this item once those with an interest were "
                    + "counted out";
            case FINAL -> "it is completed, dropped, answered or reported, which is final";
            case NOT_SMART -> "an action needs an owner, a criterion and a due date after the day it is decided";
            case NO_REASON -> "a note, a variation, a drop, a rejection or a partial answer needs a reason";
            case NO_EVIDENCE -> "a finding cites its review's evidence, and a completion says what shows it";
            case EMPTY_REPORT -> "a review with no findings has nothing to report";
            case OUT_OF_SCOPE -> "a report's recommendation comes from one of the review's findings and goes to an "
                    + "owner of its indicators or the chair of the group reviewed";
        };
    }

    public boolean isAboutWho() {
        return this == NOT_ALLOWED;
    }
}
