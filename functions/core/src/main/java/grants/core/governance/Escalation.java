package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * An action escalated by the daily run (G6): the run's day, how overdue it was at the end of the day
 * before, and who is emailed (its owner and the chair of the body that decided it). The escalation
 * ledger holds one per action, which is what makes it once.
 */
public record Escalation(String action, LocalDate on, int workingDaysOverdue, List<String> recipients) {

    public Escalation {
        recipients = recipients.stream().distinct().toList();
    }
}
