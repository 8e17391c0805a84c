package grants.core.reporting;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.notices.Letter;
import grants.core.notices.Reminders;
import grants.core.text.InWords;

import java.util.Map;
import java.util.Optional;

/**
 * A sent figure reminder's email, in plain English, written from its ledger row alone (who it goes to,
 * and what is due when): "Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009, for the board
 * meeting of 19 November 2009." What SendNotices sends for a REMINDER notice whose id is a figure
 * reminder's, and only to the recipients the ledger row names.
 */
public final class FigureReminderEmails implements Reminders {

    private static final Template TEXT = Templates.text("/grants/core/reporting/figure-reminder.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/reporting/figure-reminder.html.mustache");

    private final FigureReminderLedger ledger;

    public FigureReminderEmails(FigureReminderLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<Letter> letter(String reminderId) {
        return FigureReminder.registerOf(reminderId).flatMap(registerId -> ledger.ledger(registerId).stream()
                .filter(entry -> entry.reminder().id().equals(reminderId)
                        && entry.outcome() == FigureReminder.Handled.Outcome.SENT)
                .findFirst().map(FigureReminderEmails::letter));
    }

    /** The email of a sent figure reminder. */
    public static Letter letter(FigureReminder.Handled entry) {
        FigureReminder reminder = entry.reminder();
        Map<String, Object> values = Map.of(
                "subject", "Your figure for " + reminder.reference() + ", " + reminder.period() + ", is due by "
                        + InWords.date(reminder.dueOn()),
                "sentence", sentence(reminder),
                "quarter", reminder.period() + " (" + InWords.date(reminder.period().firstDay()) + " to "
                        + InWords.date(reminder.period().lastDay()) + ")");
        return new Letter((String) values.get("subject"), TEXT.execute(values), HTML.execute(values),
                entry.recipients());
    }

    /** "Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009, for the board meeting of 19 November 2009." */
    static String sentence(FigureReminder reminder) {
        return "Your figure for " + reminder.reference() + ", " + reminder.period() + ", is due by "
                + InWords.date(reminder.dueOn()) + ", for the board meeting of " + InWords.date(reminder.meetingOn())
                + ".";
    }
}
