package grants.core.ledger;

import grants.core.money.Money;

import java.util.List;
import java.util.stream.Collectors;

/** A line and the ledger's changes in words, as the audit trail keeps them. */
final class LedgerWords {

    private LedgerWords() {
    }

    static String line(BudgetLine line) {
        return line.name() + ": " + Money.pounds(line.budgetPence()) + " for "
                + line.pays().stream().sorted().map(Spend::words).collect(Collectors.joining(", "))
                + line.ringFence().map(topic -> ", ring-fenced to " + topic).orElse("")
                + (line.inKind() ? ", in kind (never paid)" : "");
    }

    static String totals(BudgetLine line) {
        return Money.pounds(line.totals().committedPence()) + " committed, " + Money.pounds(line.remaining()) + " left";
    }

    static String carried(List<Entry> entries) {
        return entries.stream().filter(entry -> entry.kind() == EntryKind.CARRIED_OUT)
                .map(entry -> Money.pounds(entry.amountPence()) + " of " + entry.lineId() + " " + entry.year())
                .collect(Collectors.joining("; ", "carried forward: ", ""));
    }
}
