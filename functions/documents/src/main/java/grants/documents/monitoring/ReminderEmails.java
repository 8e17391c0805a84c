package grants.documents.monitoring;

import grants.core.exports.ExportFile;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Reminder;
import grants.core.text.InWords;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: one email for each reminder SENT (M8), as {@code outbox/NNN-<first recipient>.eml},
 * numbered in the ledger's order (planned day, then id), in plain English.
 */
final class ReminderEmails {

    static final String SENDER = "grants-local@example.org";

    private ReminderEmails() {
    }

    static List<ExportFile> render(MonitoringRecord record) {
        List<ExportFile> emails = new ArrayList<>();
        for (LedgerEntry entry : record.ledger()) {
            if (entry.outcome() != LedgerEntry.Outcome.SENT) {
                continue;
            }
            String name = String.format("outbox/%03d-%s.eml", emails.size() + 1,
                    entry.recipients().get(0).replaceAll("[^A-Za-z0-9.@-]", "_"));
            emails.add(new ExportFile(name, "message/rfc822", eml(record, entry).getBytes(StandardCharsets.UTF_8), 1));
        }
        return emails;
    }

    private static String eml(MonitoringRecord record, LedgerEntry entry) {
        Reminder reminder = entry.reminder();
        String quarter = AgreementsCsv.quarter(reminder.returnId());
        String agreement = reminder.agreementId();
        String due = InWords.date(reminder.dueDate());
        String subject;
        String body;
        if (reminder.audience() == MonitoringSettings.Audience.OFFICER) {
            subject = "Not yet in: the " + quarter + " return of " + agreement;
            body = "The " + quarter + " return of " + agreement + " was due on " + due
                    + " and has not been handed in. As its officer, please contact the lead organisation.";
        } else if (entry.handledOn().isAfter(reminder.dueDate())) {
            subject = "Overdue: the " + quarter + " return of " + agreement;
            body = "The " + quarter + " return of " + agreement + " was due on " + due + " and has not been handed in."
                    + " Payments are held while a return is overdue.";
        } else {
            subject = "Due " + due + ": the " + quarter + " return of " + agreement;
            body = "The " + quarter + " return of " + agreement + " is due on " + due + ".";
        }
        String catchUp = entry.caughtUp() ? "\r\n\r\nThis reminder was planned for " + InWords.date(reminder.plannedOn())
                + " and sent on " + InWords.date(entry.handledOn()) + "." : "";
        return "From: " + SENDER + "\r\n"
                + "To: " + String.join(", ", entry.recipients()) + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "X-Reminder-Id: " + reminder.id() + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body + catchUp + "\r\n";
    }
}
