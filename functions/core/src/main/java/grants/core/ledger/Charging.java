package grants.core.ledger;

import grants.core.money.Money;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which line a commitment is charged to: of the scope's lines for its year that pay for it,
 * ring-fenced ones first (money given for this purpose is spent on it before general money), then
 * by line id; the first that can take it whole. None that pays for it: {@code NO_LINE}; none with
 * room: {@code OVER_BUDGET}, naming the line with the most room and the shortfall there.
 */
final class Charging {

    private Charging() {
    }

    static BudgetLine lineFor(Commitment commitment, List<BudgetLine> lines) {
        List<BudgetLine> candidates = lines.stream()
                .filter(line -> line.scope().equals(commitment.scope()) && line.year().equals(commitment.year()))
                .filter(line -> line.admits(commitment.spend(), commitment.topic()))
                .sorted(Comparator.comparing((BudgetLine line) -> line.ringFence().isEmpty())
                        .thenComparing(BudgetLine::lineId))
                .toList();
        if (candidates.isEmpty()) {
            throw new LedgerRefusedException(LedgerRefusedException.Refusal.NO_LINE, "No budget line of "
                    + commitment.scope() + " for " + commitment.year() + " pays for " + commitment.spend().words()
                    + commitment.topic().map(topic -> " on " + topic).orElse("") + ", so " + commitment.source()
                    + " cannot be committed.");
        }
        Optional<BudgetLine> withRoom = candidates.stream()
                .filter(line -> line.totals().canCommit(line.budgetPence(), commitment.amountPence()))
                .findFirst();
        return withRoom.orElseThrow(() -> overBudget(commitment, candidates));
    }

    private static LedgerRefusedException overBudget(Commitment commitment, List<BudgetLine> candidates) {
        BudgetLine roomiest = candidates.stream()
                .max(Comparator.comparingLong(line -> line.remaining() + line.totals().overspendApprovedPence()))
                .orElseThrow();
        long room = roomiest.remaining() + roomiest.totals().overspendApprovedPence();
        return new LedgerRefusedException(LedgerRefusedException.Refusal.OVER_BUDGET, commitment.source() + " ("
                + Money.pounds(commitment.amountPence()) + ") would take " + roomiest.name() + " below zero: it has "
                + Money.pounds(Math.max(room, 0)) + " left, a shortfall of "
                + Money.pounds(commitment.amountPence() - Math.max(room, 0)) + ".");
    }
}
