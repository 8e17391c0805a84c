package grants.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of an agreement's reminder ledger (M8): a planned reminder and, once the daily run has
 * handled it, when and how (sent, with its recipients, or suppressed, with the reason); until then
 * it is pending, with no recipients.
 */
public record ReminderLine(Reminder reminder, Optional<LedgerEntry> handled) {

    public enum State { SENT, SUPPRESSED, PENDING }

    public State state() {
        return handled.map(entry -> entry.outcome() == LedgerEntry.Outcome.SENT ? State.SENT : State.SUPPRESSED)
                .orElse(State.PENDING);
    }

    public Optional<LocalDate> handledOn() {
        return handled.map(LedgerEntry::handledOn);
    }

    public List<String> recipients() {
        return handled.map(LedgerEntry::recipients).orElse(List.of());
    }
}
