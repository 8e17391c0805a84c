package grants.core.monitoring;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.money.Money;
import grants.core.notices.Letter;
import grants.core.notices.Reminders;
import grants.core.text.InWords;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sent reminder's email, in plain English, written from its ledger row (who it goes to) and its
 * agreement: "Your 2002-03 Q1 progress return for Skills Network is due on 26 July 2002". What
 * SendNotices sends for a REMINDER notice, and only to the recipients the ledger row names.
 */
public final class ReminderEmails implements Reminders {

    private static final Template TEXT = Templates.text("/grants/core/monitoring/reminder.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/monitoring/reminder.html.mustache");

    private final MonitoringStore store;

    public ReminderEmails(MonitoringStore store) {
        this.store = store;
    }

    @java.lang.Override
    public Optional<Letter> letter(String reminderId) {
        String agreementId = reminderId.substring(0, Math.max(0, reminderId.indexOf('/')));
        return store.ledger(agreementId).stream()
                .filter(entry -> entry.reminder().id().equals(reminderId) && entry.outcome() == LedgerEntry.Outcome.SENT)
                .findFirst()
                .flatMap(entry -> store.agreement(agreementId).map(agreement -> letter(entry, agreement)));
    }

    /** The email of a sent reminder of this agreement. */
    public static Letter letter(LedgerEntry entry, MonitoredAgreement agreement) {
        Reminder reminder = entry.reminder();
        ReturnRecord record = agreement.returnRecord(reminder.returnId());
        String title = agreement.agreement().title();
        String quarter = reminder.returnId().substring(agreement.id().length() + 1);
        String returnName = (record.plan().kind() == ReturnPlan.Kind.FINAL ? "final progress return (" + quarter + ")"
                : quarter + " progress return");
        boolean late = entry.handledOn().isAfter(reminder.dueDate());
        String due = InWords.date(reminder.dueDate());
        boolean lead = reminder.audience() == MonitoringSettings.Audience.LEAD;
        String whose = lead ? "Your " + returnName : "The " + returnName;
        String from = lead ? "" : " from " + agreement.agreement().organisation();
        String sentence = whose + " for " + title + from + (late ? " was due on " + due + " and is not in yet."
                : " is due on " + due + ".");
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("subject", (lead ? "Your " : "The ") + returnName + " for " + title
                + (late ? " is overdue" : " is due on " + due));
        values.put("sentence", sentence);
        if (record.plan().opensOn().isAfter(entry.handledOn())) {
            values.put("opensOn", InWords.date(record.plan().opensOn()));
        }
        nextInstalment(agreement, entry.handledOn()).ifPresent(next -> values.put("instalment", Map.of(
                "amount", Money.pounds(next.instalment().pence()), "due", InWords.date(next.instalment().due()))));
        values.put("action", lead ? "Sign in to the grants service to fill it in and send it."
                : "It will be in your review queue once it is sent.");
        return new Letter((String) values.get("subject"), TEXT.execute(values), HTML.execute(values),
                entry.recipients());
    }

    /** The first instalment not yet paid nor cancelled, due on or after the day. */
    private static Optional<InstalmentRecord> nextInstalment(MonitoredAgreement agreement, LocalDate day) {
        return agreement.instalments().stream()
                .filter(i -> i.paidOn().isEmpty() && !agreement.isCancelled(i) && !i.instalment().due().isBefore(day))
                .findFirst();
    }
}
