package grants.core.ledger;

import grants.core.calendar.FinancialYear;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Money a capability promises when it happens (a run committed, a contract made, a booking, an event),
 * asked of the ledger before it is promised. {@code id} comes from the record it is for
 * ("booking:B12"), so a retry is the same commitment; {@code topic} is what a ring-fenced line checks
 * ("Economic development").
 */
public record Commitment(String id, String scope, FinancialYear year, Spend spend, Optional<String> topic,
                         long amountPence, String source, String madeBy, LocalDate on) {
}
