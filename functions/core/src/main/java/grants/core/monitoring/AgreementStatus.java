package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agreement as it stands at the end of a day, every figure worked out by the rules and never
 * typed: each owed return's state and working days late (M3, M4), each milestone's state (M6),
 * each instalment's state and, for those a payment run that day would look at, every reason it
 * would hold them with what blocks it (M10), and the outputs against target to date (M15).
 */
public record AgreementStatus(MonitoredAgreement agreement, LocalDate asOf, Map<String, ReturnState> returnStates,
                              Map<String, Integer> workingDaysLate, Map<String, MilestoneState> milestoneStates,
                              Map<Integer, InstalmentState> instalmentStates, Map<Integer, Hold> holds,
                              List<OutputProgress> outputs) {

    /** {@code organisation}: every agreement of the same organisation (holds look across them). */
    static AgreementStatus of(MonitoredAgreement agreement, Collection<MonitoredAgreement> organisation, LocalDate day,
                              Holds holds, WorkingDays calendar) {
        Map<String, ReturnState> states = new LinkedHashMap<>();
        Map<String, Integer> late = new LinkedHashMap<>();
        for (ReturnRecord record : agreement.madeReturns()) {
            states.put(record.id(), record.stateOn(day));
            late.put(record.id(), record.workingDaysLate(day, calendar));
        }
        Map<String, MilestoneState> milestones = new LinkedHashMap<>();
        agreement.milestones().forEach(m -> milestones.put(m.id(), m.stateOn(day)));
        Map<Integer, InstalmentState> instalments = new LinkedHashMap<>();
        Map<Integer, Hold> held = new LinkedHashMap<>();
        for (InstalmentRecord record : agreement.instalments()) {
            InstalmentState state = agreement.stateOn(record, day);
            instalments.put(record.number(), state);
            if (state == InstalmentState.DUE || state == InstalmentState.HELD) {
                holds.on(day, agreement, record, organisation).ifPresent(hold -> held.put(record.number(), hold));
            }
        }
        return new AgreementStatus(agreement, day, states, late, milestones, instalments, held,
                OutputProgress.of(agreement));
    }

    public String id() {
        return agreement.id();
    }

    /** What a payment run on {@link #asOf} would hold this instalment for, if anything. */
    public Optional<Hold> holdOf(int instalment) {
        return Optional.ofNullable(holds.get(instalment));
    }

    /** The returns a lead contact has to do something about: open, overdue or sent back. */
    public List<ReturnRecord> returnsToDo() {
        return agreement.madeReturns().stream().filter(r -> switch (returnStates.get(r.id())) {
            case OPEN, OVERDUE, RETURNED -> true;
            default -> false;
        }).toList();
    }
}
