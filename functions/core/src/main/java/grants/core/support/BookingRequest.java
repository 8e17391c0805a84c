package grants.core.support;

import java.time.LocalDate;

/** A booking as asked for: exactly one of partnershipId and poolId. */
public record BookingRequest(String adviserId, String partnershipId, String poolId, LocalDate date, int halfDays,
                             String topic) {
}
