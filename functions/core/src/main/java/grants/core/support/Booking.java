package grants.core.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adviser time booked for a partnership or a pool: {@code account} is what the days draw on.
 * {@code bookedBy} is the caller (their token's subject) who booked it and {@code requestHash} the
 * fingerprint of the request that made it, so a retry with the same Idempotency-Key is answered
 * only to the same caller with the same request.
 */
public record Booking(String id, String adviserId, Account account, LocalDate date, int halfDays, String topic,
                      State state, String note, Instant bookedAt, String bookedBy, String requestHash) {

    public Booking {
        if (account instanceof Account.OfAdviser) {
            throw new IllegalArgumentException("a booking draws on a partnership or a pool, not on an adviser");
        }
    }

    /** The booking moved to {@code next}, with its note (if delivered). */
    public Booking settled(State next, String withNote) {
        return new Booking(id, adviserId, account, date, halfDays, topic, next, withNote, bookedAt, bookedBy, requestHash);
    }

    public enum State {
        BOOKED,
        DELIVERED,
        CANCELLED
    }
}
