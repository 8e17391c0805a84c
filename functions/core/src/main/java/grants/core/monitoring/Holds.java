package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * M10: why a payment run on a day holds an instalment. An outstanding return holds once more than
 * the grace's working days have passed since its current due date; accepted and skipped returns
 * never hold. A hold is released by the work being done, not by hand. Each agreement's own settings
 * say how long the grace is, whether the last instalment waits for the final return and whether
 * another agreement's overdue return holds it.
 */
public final class Holds {

    private final WorkingDays calendar;

    public Holds(WorkingDays calendar) {
        this.calendar = calendar;
    }

    /**
     * The hold on instalment {@code record} of {@code agreement} at a run on {@code day}, if any;
     * {@code organisation} is every agreement of the same organisation (the agreement included).
     */
    public Optional<Hold> on(LocalDate day, MonitoredAgreement agreement, InstalmentRecord record,
                             Collection<MonitoredAgreement> organisation) {
        Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
        Set<String> blocking = new TreeSet<>();
        MonitoringSettings settings = agreement.settings();
        for (ReturnRecord outstanding : outstandingReturns(agreement, day)) {
            reasons.add(outstanding.isHandedIn() ? HoldReason.RETURN_NOT_ACCEPTED : HoldReason.RETURN_OVERDUE);
            blocking.add(outstanding.id());
        }
        for (MilestoneRecord milestone : agreement.milestones()) {
            if (milestone.milestone().gates().contains(record.number()) && milestone.due().isBefore(day)
                    && !milestone.isDone()) {
                reasons.add(HoldReason.MILESTONE_MISSED);
                blocking.add(milestone.id());
            }
        }
        if (settings.holdAcrossAgreements()) {
            for (MonitoredAgreement other : organisation) {
                if (!other.id().equals(agreement.id())) {
                    for (ReturnRecord outstanding : outstandingReturns(other, day)) {
                        reasons.add(HoldReason.OTHER_AGREEMENT);
                        blocking.add(outstanding.id());
                    }
                }
            }
        }
        if (settings.retainFinalInstalment() && agreement.agreement().instalments().size() > 1
                && record.number() == agreement.agreement().lastInstalment()) {
            agreement.madeReturns().stream()
                    .filter(r -> r.plan().kind() == ReturnPlan.Kind.FINAL && !r.isFinal())
                    .forEach(finalReturn -> {
                        reasons.add(HoldReason.FINAL_RETURN);
                        blocking.add(finalReturn.id());
                    });
        }
        record.manualHold().ifPresent(hold -> reasons.add(HoldReason.MANUAL));
        if (!agreement.isAccepted()) {
            reasons.add(HoldReason.NOT_ACCEPTED);
            blocking.add(agreement.id());
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(Hold.of(agreement.id(), record.instalment(), reasons, blocking, record.manualHold()));
    }

    /**
     * Returns neither accepted nor skipped whose due date is more than the grace's working days (of the
     * agreement the return is due under) before the day.
     */
    private List<ReturnRecord> outstandingReturns(MonitoredAgreement agreement, LocalDate day) {
        int grace = agreement.settings().holdGraceWorkingDays();
        return agreement.madeReturns().stream()
                .filter(r -> !r.isFinal())
                .filter(r -> day.isAfter(calendar.after(r.due(), grace)))
                .toList();
    }
}
