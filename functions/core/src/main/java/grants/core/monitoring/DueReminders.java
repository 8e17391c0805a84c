package grants.core.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What the daily run reads: the reminders due by its day that the ledger does not have, the days of
 * the store's index they came from, and for each agreement read the first later day it has a reminder
 * on. Once every reminder read is in the ledger the run hands this back ({@link MonitoringStore#allHandled}):
 * the store points each agreement at its next day, then clears the days read, so that the next run
 * reads only days still to handle. Its cost grows with what is due, not with every reminder planned.
 *
 * @param days     the index's days as read, each with the stamp of its last write (a day written again
 *                 since it was read is not cleared)
 * @param nextDays each agreement read whose reminders are not all handled by this run, and the day of
 *                 the first of those still to come
 */
public record DueReminders(List<Reminder> reminders, List<ListedDay> days, List<NextDay> nextDays) {

    public DueReminders {
        reminders = List.copyOf(reminders);
        days = List.copyOf(days);
        nextDays = List.copyOf(nextDays);
    }

    /** For a store that reads every planned reminder each time, and so keeps no index. */
    public DueReminders(List<Reminder> reminders) {
        this(reminders, List.of(), List.of());
    }

    public record ListedDay(LocalDate day, String stamp) {
    }

    public record NextDay(String agreementId, LocalDate day) {
    }
}
