package grants.core.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What the daily run reads: the reminders due by its day that the ledger does not have, and the
 * days of the store's index they came from. Once every one of them is in the ledger the run hands
 * this back ({@link MonitoringStore#allHandled}), so that the next run reads only days still to
 * handle: its cost grows with what is due, not with every reminder ever planned.
 *
 * @param days the index's days as read, each with the stamp of its last write (a day written again
 *             since it was read is not cleared)
 */
public record DueReminders(List<Reminder> reminders, List<ListedDay> days) {

    public DueReminders {
        reminders = List.copyOf(reminders);
        days = List.copyOf(days);
    }

    public record ListedDay(LocalDate day, String stamp) {
    }
}
