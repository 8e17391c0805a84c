package grants.core.governance;

/**
 * A client's {@code Idempotency-Key} as governance keeps it: already its caller's own ({@code key},
 * so another caller's same key is another request) and bound to the request it first came with
 * ({@code fingerprint}). A change made under it is kept with it, in the change's own transaction, so
 * the same request sent again is answered with the record it made, and changes nothing.
 */
public record RequestKey(String key, String fingerprint) {
}
