package grants.core.ledger;

import grants.core.calendar.FinancialYear;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A manager's request to let a line go below zero by {@code pence}, with the reason; it counts only
 * once a second person has approved it ({@code approvedBy}), as payment overrides do.
 */
public record OverspendRequest(String id, String scope, FinancialYear year, String lineId, long pence, String reason,
                               String requestedBy, LocalDate requestedOn, Optional<String> approvedBy) {

    OverspendRequest approvedBy(String approver) {
        return new OverspendRequest(id, scope, year, lineId, pence, reason, requestedBy, requestedOn,
                Optional.of(approver));
    }
}
