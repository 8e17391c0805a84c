package grants.documents.ledger;

import grants.core.exports.ExportFile;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.money.Money;
import grants.documents.CsvFile;

import java.util.List;

/** The ledger's files for finance: {@code budget.csv} (the statement) and {@code ledger.csv} (every entry). */
public final class LedgerCsv {

    public static final String BUDGET_HEADER = "scope,year,line,title,source,ring_fence,in_kind,budget,carried_in,"
            + "carried_out,committed,paid,remaining";
    public static final String LEDGER_HEADER = "entry_id,on,scope,year,line,kind,amount,commitment,source,made_by";

    private LedgerCsv() {
    }

    public static ExportFile budget(BudgetStatement statement) {
        return CsvFile.of("budget.csv", BUDGET_HEADER, statement.rows().stream().map(row -> List.of(statement.scope(),
                row.year().toString(), row.lineId(), row.title(), row.source(),
                row.ringFence() == null ? "" : row.ringFence(), Boolean.toString(row.inKind()),
                Money.format(row.budgetPence()), Money.format(row.carriedInPence()), Money.format(row.carriedOutPence()),
                Money.format(row.committedPence()), Money.format(row.paidPence()),
                Money.format(row.remainingPence()))).toList());
    }

    public static ExportFile ledger(List<Entry> entries) {
        return CsvFile.of("ledger.csv", LEDGER_HEADER, entries.stream().map(entry -> List.of(entry.id(),
                entry.on().toString(), entry.scope(), entry.year().toString(), entry.lineId(), entry.kind().name(),
                Money.format(entry.amountPence()), entry.commitment().orElse(""), entry.source(), entry.madeBy()))
                .toList());
    }
}
