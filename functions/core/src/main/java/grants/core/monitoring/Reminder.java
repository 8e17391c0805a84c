package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned reminder (M7): for one return, one rule and one due date, on the day the rule gives.
 * Its id {@code <return>/<rule>/<due date>} is what makes it handled once: the ledger keys on it.
 */
public record Reminder(String id, String agreementId, String returnId, String rule,
                       MonitoringSettings.Audience audience, LocalDate dueDate, LocalDate plannedOn) {

    static Reminder of(ReturnRecord record, MonitoringSettings.ReminderRule rule, LocalDate due,
                       WorkingDays calendar) {
        return new Reminder(record.id() + "/" + rule.id() + "/" + due, record.plan().agreementId(), record.id(),
                rule.id(), rule.audience(), due, calendar.after(due, rule.offsetWorkingDays()));
    }

    /**
     * Every reminder planned for an agreement's returns (M7, M8): each rule's for each return's
     * current due date, and for a date a variation replaced, those whose day had come by the day it
     * was varied. Returns not made after a termination have none. The rules are the agreement's own
     * settings'. By planned day, then id.
     */
    public static List<Reminder> plannedFor(MonitoredAgreement agreement, WorkingDays calendar) {
        Map<String, Reminder> planned = new LinkedHashMap<>();
        for (ReturnRecord record : agreement.madeReturns()) {
            for (MonitoringSettings.ReminderRule rule : agreement.settings().reminders()) {
                for (Variation variation : record.variations()) {
                    Reminder replaced = of(record, rule, variation.from(), calendar);
                    if (!replaced.plannedOn().isAfter(variation.on())) {
                        planned.putIfAbsent(replaced.id(), replaced);
                    }
                }
                Reminder current = of(record, rule, record.due(), calendar);
                planned.putIfAbsent(current.id(), current);
            }
        }
        return planned.values().stream().sorted(BY_DAY_THEN_ID).toList();
    }

    public static final Comparator<Reminder> BY_DAY_THEN_ID =
            Comparator.comparing(Reminder::plannedOn).thenComparing(Reminder::id);
}
