package grants.documents.monitoring;

import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Reminder;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A replayed document at {@code asOf}: the agreements as they stand, the reminder ledger, the
 * reminders still pending, each payment run and each refused event. What the replay's files are made of.
 */
public record MonitoringRecord(MonitoringBook book, List<MonitoredAgreement> agreements, List<LedgerEntry> ledger,
                               List<Reminder> pending, SortedMap<LocalDate, PaymentRun> paymentRuns,
                               List<BookReplay.RefusedEvent> refused) {

    public MonitoringRecord {
        agreements = agreements.stream().sorted(Comparator.comparing(MonitoredAgreement::id)).toList();
        ledger = ledger.stream().sorted(Comparator.comparing((LedgerEntry e) -> e.reminder(), Reminder.BY_DAY_THEN_ID))
                .toList();
        paymentRuns = new TreeMap<>(paymentRuns);
        refused = List.copyOf(refused);
    }

    /** Pending: every reminder planned for the agreements as they stand that the ledger does not hold (M8). */
    static MonitoringRecord of(MonitoringBook book, List<MonitoredAgreement> agreements, List<LedgerEntry> ledger,
                               SortedMap<LocalDate, PaymentRun> paymentRuns, List<BookReplay.RefusedEvent> refused) {
        Set<String> handled = ledger.stream().map(e -> e.reminder().id()).collect(Collectors.toSet());
        List<Reminder> pending = agreements.stream()
                .flatMap(a -> Reminder.plannedFor(a, book.calendar()).stream())
                .filter(r -> !handled.contains(r.id())).sorted(Reminder.BY_DAY_THEN_ID).toList();
        return new MonitoringRecord(book, agreements, ledger, pending, paymentRuns, refused);
    }
}
