package grants.core.support;

import java.time.Instant;
import java.time.LocalDate;

/** Adviser time booked for a partnership or a pool: {@code account} is what the days draw on. */
public record Booking(String id, String adviserId, Account account, LocalDate date, int halfDays, String topic,
                      State state, String note, Instant bookedAt) {

    public Booking {
        if (account instanceof Account.OfAdviser) {
            throw new IllegalArgumentException("a booking draws on a partnership or a pool, not on an adviser");
        }
    }

    public enum State {
        BOOKED,
        DELIVERED,
        CANCELLED
    }
}
