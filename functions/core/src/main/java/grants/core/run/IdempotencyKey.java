package grants.core.run;

import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A client's {@code Idempotency-Key}: the same key, from the same caller with the same request,
 * always names the same result, so a retried request (after a timeout, say) never does the work
 * twice. A key belongs to its caller ({@link #scopedTo}): another caller sending the same key names
 * another record, never the first caller's. And it is bound to the request it first came with
 * ({@link #fingerprint}): the same key with a different request is refused
 * ({@link #reusedWithAnotherRequest}).
 */
public record IdempotencyKey(String value, String caller) {

    /** The HTTP header that carries it, as every refusal names it. */
    public static final String HEADER = "Idempotency-Key";
    private static final String PATTERN = "[A-Za-z0-9_.:-]{1,128}";

    public IdempotencyKey {
        if (!value.matches(PATTERN)) {
            throw InvalidInputException.of(HEADER, "must be 1 to 128 characters of A-Z, a-z, 0-9, _ . : -");
        }
    }

    /** A key as the request's header gave it, not yet tied to its caller. */
    public IdempotencyKey(String value) {
        this(value, null);
    }

    /** The same key, as sent by this caller (their token's subject). */
    public IdempotencyKey forCaller(String subject) {
        return new IdempotencyKey(value, subject);
    }

    /** What the key is stored under: the caller's own key ({@link #scopedTo}) once it has a caller. */
    public String storageKey() {
        return caller == null ? value : scopedTo(caller);
    }

    /** The key of a request's header, if it has one. */
    public static Optional<IdempotencyKey> of(Optional<String> header) {
        return header.map(IdempotencyKey::new);
    }

    /**
     * This key as one caller's (their token's subject): a hex digest of both, so the same key sent
     * by two callers names two different records.
     */
    public String scopedTo(String caller) {
        if (caller == null || caller.isBlank()) {
            throw new IllegalArgumentException("an Idempotency-Key is scoped to a caller, and none was given");
        }
        return sha256(caller.length() + ":" + caller + ";" + value);
    }

    /**
     * A request's fingerprint, from its fields in a fixed order (each length-prefixed, so no two
     * different requests share one): what a key is bound to when it is first used.
     */
    public static String fingerprint(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            String text = field == null ? "-" : "=" + field;
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        return sha256(canonical.toString());
    }

    /** The refusal when this key comes back with another request than the one it was first sent with. */
    public ConflictException reusedWithAnotherRequest() {
        return new ConflictException("IDEMPOTENCY_KEY_REUSED", "The " + HEADER + " header \"" + value + "\" was first"
                + " sent with a different request; nothing was done. Send a new " + HEADER + " for a new request.");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
