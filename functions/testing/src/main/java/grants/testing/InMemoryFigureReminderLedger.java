package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.FigureReminderLedger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FigureReminderLedger} in memory, with the real ledger's refusal: a reminder id is written once,
 * with its audit entry; a sent one's email goes to {@link #queued()} (the notices the real one puts).
 */
public final class InMemoryFigureReminderLedger implements FigureReminderLedger {

    private final Map<String, FigureReminder.Handled> rows = new TreeMap<>();
    private final List<FigureReminder.Handled> queued = new ArrayList<>();
    private final InMemoryAuditTrail trail;

    public InMemoryFigureReminderLedger(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public synchronized boolean record(FigureReminder.Handled handled, AuditEntry audit) {
        if (rows.putIfAbsent(handled.reminder().id(), handled) != null) {
            return false;
        }
        trail.append(audit);
        if (handled.outcome() == FigureReminder.Handled.Outcome.SENT) {
            queued.add(handled);
        }
        return true;
    }

    @Override
    public synchronized List<FigureReminder.Handled> ledger(String registerId) {
        return rows.values().stream().filter(row -> row.reminder().registerId().equals(registerId))
                .sorted(Comparator.comparing((FigureReminder.Handled row) -> row.reminder().plannedOn())
                        .thenComparing(row -> row.reminder().id())).toList();
    }

    /** The emails queued, in the order their rows were written. */
    public synchronized List<FigureReminder.Handled> queued() {
        return List.copyOf(queued);
    }
}
