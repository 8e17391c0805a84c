package grants.core.ledger;

import grants.core.calendar.FinancialYear;

import java.util.Optional;
import java.util.Set;

/**
 * One pot of money of a programme or round ({@code scope}) for one financial year: what it is
 * called, where it comes from ({@code source}: "Core", "Regional Development Agency"), how much, and
 * what it pays for. A ring-fenced line pays only for its {@code ringFence} topic ("Economic
 * development"); an in-kind line is valued but never paid. {@code totals} are kept with it.
 * {@code revision} counts the manager's changes (what a manager's edit is checked against, so that
 * bookings meanwhile do not stop it); {@code version} counts every write (what the store checks).
 */
public record BudgetLine(String scope, FinancialYear year, String lineId, String title, String source,
                         long budgetPence, Set<Spend> pays, Optional<String> ringFence, boolean inKind,
                         LineTotals totals, long revision, long version) {

    public BudgetLine {
        pays = Set.copyOf(pays);
    }

    public long remaining() {
        return totals.remaining(budgetPence);
    }

    /** Whether a commitment for this spend, on this topic, may be charged here at all. */
    public boolean admits(Spend spend, Optional<String> topic) {
        return !inKind && pays.contains(spend) && ringFence.map(fence -> topic.filter(fence::equalsIgnoreCase).isPresent())
                .orElse(true);
    }

    /** The line as a person names it: "Regional Development Agency: Economic development support, 2007-08". */
    public String name() {
        return source + ": " + title + ", " + year;
    }

    BudgetLine with(LineTotals changed) {
        return new BudgetLine(scope, year, lineId, title, source, budgetPence, pays, ringFence, inKind, changed,
                revision, version + 1);
    }
}
