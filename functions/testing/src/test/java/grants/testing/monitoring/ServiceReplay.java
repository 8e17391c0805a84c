package grants.testing.monitoring;

import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Reminder;
import grants.documents.monitoring.BookAddressees;
import grants.documents.monitoring.BookReplay;
import grants.documents.monitoring.MonitoringBook;
import grants.documents.monitoring.MonitoringRecord;
import grants.documents.monitoring.ServiceMonitoring;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.SettableClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A monitoring document lived through {@link MonitoringService} on the in-memory store, in M8's
 * order ({@link BookReplay}); the state at {@code asOf} read back from the store.
 */
final class ServiceReplay {

    final MonitoringBook book;
    final InMemoryMonitoringStore store;
    final Map<String, MonitoredAgreement> agreements = new TreeMap<>();
    final Map<String, LedgerEntry> ledger = new TreeMap<>();
    final Map<LocalDate, PaymentRun> paymentRuns;
    /** {@code on,type,by,subject,reason}, as refused.csv lists them. */
    final List<String> refused;
    private final MonitoringRecord record;

    private ServiceReplay(MonitoringBook book) {
        this.book = book;
        this.store = new InMemoryMonitoringStore(book.calendar().bankHolidays(), new InMemoryAuditTrail());
        SettableClock clock = new SettableClock(Instant.EPOCH);
        BookAddressees addressees = new BookAddressees(book);
        MonitoringService service = new MonitoringService(store, addressees, clock);
        this.record = BookReplay.run(book, new ServiceMonitoring(book, store, service, clock::set, addressees::bounce)
                .enterAgreements());
        record.agreements().forEach(a -> agreements.put(a.id(), a));
        record.ledger().forEach(e -> ledger.put(e.reminder().id(), e));
        this.paymentRuns = record.paymentRuns();
        this.refused = record.refused().stream().map(r -> String.join(",", r.event().on().toString(),
                r.event().type().documentName(), r.event().by(), r.subject(), r.reason())).toList();
    }

    static ServiceReplay of(MonitoringBook book) {
        return new ServiceReplay(book);
    }

    /** Everything the replay's files are made of. */
    MonitoringRecord record() {
        return record;
    }

    /** Every reminder planned and not yet handled at the end. */
    List<Reminder> pending() {
        return record.pending();
    }
}
