package grants.core.notices;

import grants.core.allocation.Status;

/** What a notice tells: a run's outcome for one partnership, or a bulletin. */
public enum NoticeKind {
    FUNDED,
    WITHDRAWN,
    NOT_PARTICIPATING,
    BULLETIN,
    /** A letter written whole when it is queued, such as a commissioning round's call for proposals. */
    LETTER;

    public static NoticeKind of(Status status) {
        return valueOf(status.name());
    }
}
