package grants.core.ledger;

import grants.core.money.Money;
import grants.core.text.Csv;

import java.util.List;

/** The finance files of the ledger: {@code budget.csv} (the statement) and the ledger's every entry. */
public final class LedgerCsv {

    private LedgerCsv() {
    }

    public static String budget(BudgetStatement statement) {
        StringBuilder csv = new StringBuilder();
        Csv.line(csv, List.of("scope", "year", "line", "title", "source", "ring_fence", "in_kind", "budget",
                "carried_in", "carried_out", "committed", "paid", "remaining"));
        for (BudgetStatement.Row row : statement.rows()) {
            Csv.line(csv, List.of(statement.scope(), row.year().toString(), row.lineId(), row.title(), row.source(),
                    row.ringFence() == null ? "" : row.ringFence(), Boolean.toString(row.inKind()),
                    Money.format(row.budgetPence()), Money.format(row.carriedInPence()),
                    Money.format(row.carriedOutPence()), Money.format(row.committedPence()),
                    Money.format(row.paidPence()), Money.format(row.remainingPence())));
        }
        return csv.toString();
    }

    public static String ledger(List<Entry> entries) {
        StringBuilder csv = new StringBuilder();
        Csv.line(csv, List.of("entry_id", "on", "scope", "year", "line", "kind", "amount", "commitment", "source",
                "made_by"));
        for (Entry entry : entries) {
            Csv.line(csv, List.of(entry.id(), entry.on().toString(), entry.scope(), entry.year().toString(),
                    entry.lineId(), entry.kind().name(), Money.format(entry.amountPence()),
                    entry.commitment().orElse(""), entry.source(), entry.madeBy()));
        }
        return csv.toString();
    }
}
