package grants.core.ledger;

import grants.core.calendar.FinancialYear;

import java.util.Comparator;
import java.util.List;

/**
 * How much is left, and of which pot: each line of a programme or round by year (budget, carried in
 * and out, committed, paid, remaining), and each year's totals. For every row,
 * budget + carried in - carried out = committed + remaining.
 */
public record BudgetStatement(String scope, List<Row> rows, List<Row> yearTotals) {

    /** One line in one year, or (with {@code lineId} null) a year's total. */
    public record Row(FinancialYear year, String lineId, String title, String source, String ringFence, boolean inKind,
                      long budgetPence, long carriedInPence, long carriedOutPence, long committedPence, long paidPence,
                      long remainingPence) {
    }

    static BudgetStatement of(String scope, List<BudgetLine> lines) {
        List<Row> rows = lines.stream()
                .sorted(Comparator.comparing(BudgetLine::year).thenComparing(BudgetLine::lineId))
                .map(BudgetStatement::row)
                .toList();
        List<Row> totals = rows.stream().map(Row::year).distinct()
                .map(year -> total(year, rows.stream().filter(row -> row.year().equals(year)).toList()))
                .toList();
        return new BudgetStatement(scope, rows, totals);
    }

    private static Row row(BudgetLine line) {
        LineTotals totals = line.totals();
        return new Row(line.year(), line.lineId(), line.title(), line.source(), line.ringFence().orElse(null),
                line.inKind(), line.budgetPence(), totals.carriedInPence(), totals.carriedOutPence(),
                totals.committedPence(), totals.paidPence(), line.remaining());
    }

    /** In-kind lines are valued but never paid: they are in the rows, not in a year's money. */
    private static Row total(FinancialYear year, List<Row> rows) {
        List<Row> money = rows.stream().filter(row -> !row.inKind()).toList();
        return new Row(year, null, "Total", null, null, false,
                money.stream().mapToLong(Row::budgetPence).sum(), money.stream().mapToLong(Row::carriedInPence).sum(),
                money.stream().mapToLong(Row::carriedOutPence).sum(), money.stream().mapToLong(Row::committedPence).sum(),
                money.stream().mapToLong(Row::paidPence).sum(), money.stream().mapToLong(Row::remainingPence).sum());
    }
}
