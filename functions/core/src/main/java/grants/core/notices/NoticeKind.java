package grants.core.notices;

import grants.core.allocation.Status;

/** What a notice tells: a run's outcome for one partnership, or a bulletin. */
public enum NoticeKind {
    FUNDED,
    WITHDRAWN,
    NOT_PARTICIPATING,
    BULLETIN,
    /** A letter written whole when it is queued, such as a commissioning round's call for proposals. */
    LETTER,
    /** A reminder the monitoring daily run sent (its ledger row names who it goes to). */
    REMINDER;

    public static NoticeKind of(Status status) {
        return valueOf(status.name());
    }
}
