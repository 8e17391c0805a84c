package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reviewer's queue on a day: the submitted returns waiting for them, the longest waiting first,
 * each marked when it came in after its due date; and, to chase, the returns of the same agreements
 * that are overdue or sent back, the oldest due first.
 */
public record ReviewQueue(LocalDate asOf, List<Waiting> waiting, List<Outstanding> outstanding) {

    /** A submitted return: {@code submittedOn} is the latest version's day, {@code version} its number. */
    public record Waiting(Agreement agreement, ReturnRecord record, LocalDate submittedOn,
                          int version, int workingDaysLate, int waitingWorkingDays) {
        /** Handed in after its due date. */
        public boolean overdue() {
            return workingDaysLate > 0;
        }
    }

    public record Outstanding(Agreement agreement, ReturnRecord record, ReturnState state, int workingDaysLate) {
    }

    static ReviewQueue of(List<MonitoredAgreement> agreements, LocalDate day, WorkingDays calendar) {
        List<Waiting> waiting = new ArrayList<>();
        List<Outstanding> outstanding = new ArrayList<>();
        for (MonitoredAgreement agreement : agreements) {
            for (ReturnRecord record : agreement.madeReturns()) {
                ReturnState state = record.stateOn(day);
                int late = record.workingDaysLate(day, calendar);
                if (state == ReturnState.SUBMITTED) {
                    LocalDate latest = record.versions().get(record.versions().size() - 1).on();
                    waiting.add(new Waiting(agreement.agreement(), record, latest, record.versions().size(),
                            late, calendar.countAfterUpTo(latest, day)));
                } else if (state == ReturnState.OVERDUE || state == ReturnState.RETURNED) {
                    outstanding.add(new Outstanding(agreement.agreement(), record, state, late));
                }
            }
        }
        waiting.sort(Comparator.comparing(Waiting::submittedOn).thenComparing(w -> w.record().id()));
        outstanding.sort(Comparator.comparing((Outstanding o) -> o.record().due()).thenComparing(o -> o.record().id()));
        return new ReviewQueue(day, waiting, outstanding);
    }
}
