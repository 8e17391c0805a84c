package grants.core.mail;

/**
 * Makes a send happen at most once per key (outbound port: conditional writes in DynamoDB).
 * A sender claims the key before sending, records the message id after, and releases the claim
 * if sending failed so that a retry may send.
 */
public interface SendLog {

    /** What claiming a key found. */
    enum Claim {
        /** This caller holds the key now, and sends. */
        CLAIMED,
        /** Sent before: nothing to do. */
        SENT_BEFORE,
        /** Another attempt holds it and has not finished (or died less than the stale time ago). */
        HELD_ELSEWHERE
    }

    Claim claim(String key);

    void sent(String key, String messageId);

    void release(String key);
}
