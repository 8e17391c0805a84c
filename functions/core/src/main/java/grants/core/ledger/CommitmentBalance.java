package grants.core.ledger;

import java.util.List;

/** What is left of a commitment to pay or release: its amount less what was paid and released against it. */
final class CommitmentBalance {

    private CommitmentBalance() {
    }

    static long unspent(Entry commitment, List<Entry> entries) {
        long used = entries.stream()
                .filter(entry -> entry.commitment().filter(commitment.id()::equals).isPresent())
                .filter(entry -> entry.kind() == EntryKind.PAID || entry.kind() == EntryKind.RELEASED)
                .mapToLong(Entry::amountPence)
                .sum();
        return commitment.amountPence() - used;
    }
}
