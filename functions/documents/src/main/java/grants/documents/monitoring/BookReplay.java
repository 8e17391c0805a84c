package grants.documents.monitoring;

import grants.core.calendar.WorkingDays;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.PaymentRun;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A monitoring document lived through day by day in M8's order: the daily reminder run (working
 * days, not the document's outages), then the day's events in the order listed, then the day's
 * payment run; from the first agreement's start to {@code asOf}. What it is lived through (the use
 * cases, or the function's handlers) is the {@link Monitoring} given.
 */
public final class BookReplay {

    /** The system as a replay drives it: each call made on its day, by the person the event names. */
    public interface Monitoring {

        /** The daily reminder run of {@code day}. */
        void runReminders(LocalDate day);

        /** The event, as its person; a refusal the live system gives is answered, not thrown (M14). */
        Optional<RefusedEvent> apply(BookEvent event);

        /** Finance's payment run of {@code day}. */
        PaymentRun runPayments(LocalDate day);

        /** Every agreement at the end. */
        List<MonitoredAgreement> agreements();

        /** Every reminder handled, of every agreement. */
        List<LedgerEntry> ledger();
    }

    /** An event the live system refused, with the subject it named and its M14 reason. */
    public record RefusedEvent(BookEvent event, String subject, String reason) {
    }

    private BookReplay() {
    }

    public static MonitoringRecord run(MonitoringBook book, Monitoring monitoring) {
        WorkingDays calendar = book.calendar();
        SortedMap<LocalDate, PaymentRun> paymentRuns = new TreeMap<>();
        List<RefusedEvent> refused = new ArrayList<>();
        for (LocalDate day = book.firstDay(); !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && !book.sweepOutages().contains(day)) {
                monitoring.runReminders(day);
            }
            for (BookEvent event : book.eventsOn(day)) {
                monitoring.apply(event).ifPresent(refused::add);
            }
            if (book.paymentRuns().contains(day)) {
                paymentRuns.put(day, monitoring.runPayments(day));
            }
        }
        return MonitoringRecord.of(book, monitoring.agreements(), monitoring.ledger(), paymentRuns, refused);
    }
}
