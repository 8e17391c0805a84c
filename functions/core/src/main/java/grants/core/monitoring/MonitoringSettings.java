package grants.core.monitoring;

import java.util.Comparator;
import java.util.List;

/**
 * How a programme monitors (spec: {@code settings}): when returns are due, when an overdue one
 * starts holding money, whether it holds the organisation's other agreements too, whether the last
 * instalment waits for the final return, and the reminders sent around each due date.
 */
public record MonitoringSettings(int returnDueWorkingDays, int finalReturnDueWorkingDays, int holdGraceWorkingDays,
                                 boolean holdAcrossAgreements, boolean retainFinalInstalment,
                                 List<ReminderRule> reminders) {

    public enum Audience { LEAD, OFFICER }

    /** One reminder per return, {@code offsetWorkingDays} from its due date (negative: before it). */
    public record ReminderRule(String id, int offsetWorkingDays, Audience audience) {
    }

    public MonitoringSettings {
        reminders = reminders.stream().sorted(Comparator.comparing(ReminderRule::id)).toList();
    }
}
