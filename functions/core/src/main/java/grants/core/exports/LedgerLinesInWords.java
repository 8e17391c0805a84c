package grants.core.exports;

import grants.core.ledger.BudgetStatement;
import grants.core.money.Money;

import java.util.List;
import java.util.Map;

/**
 * The finance email's budget lines, from the ledger's statement: each line's title, source, year,
 * budget, ring-fence, committed and remaining, amounts as the email writes money (£70,000.00).
 */
final class LedgerLinesInWords {

    private LedgerLinesInWords() {
    }

    static List<Map<String, Object>> of(BudgetStatement statement) {
        return statement.rows().stream().map(row -> Map.<String, Object>of(
                "source", row.source(),
                "title", row.title(),
                "year", row.year().toString(),
                "budget", Money.pounds(row.budgetPence()),
                "ringFence", row.ringFence() == null ? "not ring-fenced" : "only for " + row.ringFence(),
                "committed", row.inKind() ? "in kind: valued, never paid" : Money.pounds(row.committedPence())
                        + " committed",
                "remaining", Money.pounds(row.remainingPence()))).toList();
    }
}
