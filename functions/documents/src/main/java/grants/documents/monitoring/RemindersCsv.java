package grants.documents.monitoring;

import grants.documents.CsvFile;

import grants.core.exports.ExportFile;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.Reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code reminders.csv}: the ledger (each reminder handled once, SENT or SUPPRESSED with its
 * reason) and every reminder still PENDING at {@code asOf}, by planned day then id (M7, M8).
 */
final class RemindersCsv {

    static final String HEADER = "reminder_id,return_id,rule,audience,planned_on,handled_on,state,reason,recipients";

    private RemindersCsv() {
    }

    static ExportFile render(MonitoringRecord record) {
        List<Row> rows = new ArrayList<>();
        for (LedgerEntry entry : record.ledger()) {
            rows.add(new Row(entry.reminder(), List.of(entry.handledOn().toString(), entry.outcome().name(),
                    entry.reason().map(Enum::name).orElse(""), String.join(";", entry.recipients()))));
        }
        record.pending().forEach(reminder -> rows.add(new Row(reminder, List.of("", "PENDING", "", ""))));
        rows.sort(Comparator.comparing(Row::reminder, Reminder.BY_DAY_THEN_ID));
        return CsvFile.of("reminders.csv", HEADER, rows.stream().map(Row::fields).toList());
    }

    /** A reminder and how it stands: handled on, state, reason, recipients. */
    private record Row(Reminder reminder, List<String> handling) {

        List<String> fields() {
            List<String> fields = new ArrayList<>(List.of(reminder.id(), reminder.returnId(), reminder.rule(),
                    reminder.audience().name(), reminder.plannedOn().toString()));
            fields.addAll(handling);
            return fields;
        }
    }
}
