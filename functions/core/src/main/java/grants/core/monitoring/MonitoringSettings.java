package grants.core.monitoring;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

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
        String words() {
            return id + " (" + signed(offsetWorkingDays) + " working days, to the "
                    + (audience == Audience.LEAD ? "lead contact" : "officer") + ")";
        }
    }

    /**
     * The settings of the spec's worked example, which a programme or round monitors with until its
     * manager keeps others ({@link ScopeSettings}): returns due 20 working days after the quarter (the final one 40), holding
     * after 5 more, across an organisation's agreements, the last instalment kept for the final
     * return, and reminders 5 days before, on the day, 5 days after (the lead) and 10 after (the officer).
     */
    public static final MonitoringSettings STANDARD = new MonitoringSettings(20, 40, 5, true, true, List.of(
            new ReminderRule("r-before", -5, Audience.LEAD), new ReminderRule("r-due", 0, Audience.LEAD),
            new ReminderRule("r-late", 5, Audience.LEAD), new ReminderRule("r-escalate", 10, Audience.OFFICER)));

    public MonitoringSettings {
        reminders = reminders.stream().sorted(Comparator.comparing(ReminderRule::id)).toList();
    }

    /** The settings in words, for the audit trail and the console: "returns due 20 working days after ...". */
    public String words() {
        return "returns due " + returnDueWorkingDays + " working days after their quarter, the final one "
                + finalReturnDueWorkingDays + " after the agreement ends; a return holds payments "
                + holdGraceWorkingDays + " working days after it was due"
                + (holdAcrossAgreements ? ", under the organisation's other agreements too" : "")
                + (retainFinalInstalment ? "; the last instalment waits for the final return" : "")
                + "; reminders " + reminders.stream().map(ReminderRule::words).collect(Collectors.joining(", "));
    }

    private static String signed(int days) {
        return days < 0 ? days + "" : "+" + days;
    }

}
