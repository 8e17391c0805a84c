package grants.core.run;

import grants.core.errors.InvalidInputException;

import java.util.Optional;

/**
 * A client's {@code Idempotency-Key}: the same key always names the same result, so a retried
 * request (after a timeout, say) never does the work twice.
 */
public record IdempotencyKey(String value) {

    private static final String PATTERN = "[A-Za-z0-9_.:-]{1,128}";

    public IdempotencyKey {
        if (!value.matches(PATTERN)) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 128 characters of A-Z, a-z, 0-9, _ . : -");
        }
    }

    /** The key of a request's header, if it has one. */
    public static Optional<IdempotencyKey> of(Optional<String> header) {
        return header.map(IdempotencyKey::new);
    }
}
