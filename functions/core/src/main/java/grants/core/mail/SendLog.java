package grants.core.mail;

/**
 * Makes a send happen at most once per key (outbound port: conditional writes in DynamoDB).
 * A sender claims the key before sending, records the message id after, and releases the claim
 * if sending failed so that a retry may send.
 */
public interface SendLog {

    /** True if this caller now holds the key; false if it was claimed or sent before. */
    boolean claim(String key);

    void sent(String key, String messageId);

    void release(String key);
}
