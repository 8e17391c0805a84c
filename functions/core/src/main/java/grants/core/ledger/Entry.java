package grants.core.ledger;

import grants.core.calendar.FinancialYear;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of the ledger, written once under its own id, which its source record gives (a booking's,
 * a payment's), so that a retried write finds it there and adds nothing. {@code source} says, in words,
 * the record it comes from; {@code commitment} is the commitment a payment or release is against.
 * {@code amountPence} is positive, except an adjustment's, which may be either.
 */
public record Entry(String id, String scope, FinancialYear year, String lineId, EntryKind kind, long amountPence,
                    String source, Optional<String> commitment, String madeBy, LocalDate on) {
}
