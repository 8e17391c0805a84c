package grants.core.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adviser time booked for a partnership or a pool. {@code account} is {@code PARTNERSHIP#{id}} or
 * {@code POOL#{id}}: what the days draw on.
 */
public record Booking(String id, String adviserId, String account, LocalDate date, int halfDays, String topic,
                      State state, String note, Instant bookedAt) {

    public enum State {
        BOOKED,
        DELIVERED,
        CANCELLED
    }

    public static String partnershipAccount(String partnershipId) {
        return "PARTNERSHIP#" + partnershipId;
    }

    public static String poolAccount(String poolId) {
        return "POOL#" + poolId;
    }
}
