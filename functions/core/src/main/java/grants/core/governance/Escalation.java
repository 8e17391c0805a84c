package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * An action escalated by the daily run (G6): the run's day, how overdue it was at the end of the day
 * before and the due date it was overdue from, who is emailed (its owner and the chair of the body that
 * decided it), the addresses the email goes to, and who had no address (named, never silently left out).
 * The escalation ledger holds one per action, which is what makes it once.
 */
public record Escalation(String action, LocalDate on, int workingDaysOverdue, List<String> recipients, LocalDate due,
                         List<String> addresses, List<String> withoutAddress) {

    public Escalation {
        recipients = recipients.stream().distinct().toList();
        addresses = addresses.stream().distinct().toList();
        withoutAddress = List.copyOf(withoutAddress);
    }

    /** The id its email's notice is written under, in the notices of its register: {@code escalation/{registerId}/{actionId}}. */
    public static String emailId(String registerId, String actionId) {
        return EMAIL_PREFIX + registerId + "/" + actionId;
    }

    public static final String EMAIL_PREFIX = "escalation/";
}
