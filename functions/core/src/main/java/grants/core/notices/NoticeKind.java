package grants.core.notices;

import grants.core.allocation.Status;

/** What a notice tells: a run's outcome for one partnership, or a bulletin. */
public enum NoticeKind {
    FUNDED,
    WITHDRAWN,
    NOT_PARTICIPATING,
    BULLETIN;

    public static NoticeKind of(Status status) {
        return valueOf(status.name());
    }
}
