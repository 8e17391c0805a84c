package grants.core.notices;

/** A notice's life: QUEUED, claimed for SENDING, then SENT (later perhaps BOUNCED or COMPLAINED) or FAILED. */
public enum NoticeState {
    QUEUED,
    SENDING,
    SENT,
    BOUNCED,
    COMPLAINED,
    FAILED;

    /** Whether the notice is done with: nothing may send it again. */
    public boolean isFinal() {
        return this != QUEUED && this != SENDING;
    }
}
