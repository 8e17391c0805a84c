package grants.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A reminder handled (M8): sent, as one email to its recipients, or suppressed with the reason. A
 * reminder is handled once; the ledger is the record of that. {@link #caughtUp()} when a missed run
 * made it later than planned.
 */
public record LedgerEntry(Reminder reminder, LocalDate handledOn, Outcome outcome, Optional<Suppression> reason,
                          List<String> recipients) {

    public enum Outcome { SENT, SUPPRESSED }

    /** In the order they are checked. */
    public enum Suppression { SUBMITTED, SKIPPED, CLOSED, NO_CONTACT }

    public LedgerEntry {
        recipients = recipients.stream().sorted().toList();
    }

    public boolean caughtUp() {
        return handledOn.isAfter(reminder.plannedOn());
    }
}
