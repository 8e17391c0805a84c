package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A recommendation made by a decision (its id is the decision's) or by a scrutiny report (its own
 * id; {@code source} is the review), to one person, who answers it once (G7). {@code body} made it,
 * and counts as deciding the actions its answer makes (G2).
 */
public record RecommendationRecord(String id, String source, String body, String to, LocalDate meeting, String text,
                                   LocalDate responseDue, Optional<Response> response, long version) {

    public enum Answer { ACCEPTED, REJECTED, PARTIAL }

    /** The answer: who gave it and when, its reason, and the ids of the actions it made (the responder owns them). */
    public record Response(LocalDate on, String by, Answer answer, String reason, List<String> actions) {
        public Response {
            actions = actions.stream().sorted().toList();
        }
    }

    /** Made at a meeting: its answer is due {@code responseDueWorkingDays} working days later. */
    public static RecommendationRecord made(String id, String source, String body, String to, LocalDate meeting,
                                            String text, GovernanceSettings settings, WorkingDays calendar) {
        return new RecommendationRecord(id, source, body, to, meeting, text,
                calendar.after(meeting, settings.responseDueWorkingDays()), Optional.empty(), 1);
    }

    public Optional<Response> responseOn(LocalDate day) {
        return response.filter(r -> !r.on().isAfter(day));
    }

    /**
     * Its state at the end of {@code day}, given the actions its answer made: unanswered it awaits (or
     * is overdue after {@code responseDue}); rejected; or, by its actions, implemented, not implemented,
     * overdue or implementing.
     */
    public RecommendationState stateOn(LocalDate day, List<ActionRecord> itsActions) {
        Optional<Response> answered = responseOn(day);
        if (answered.isEmpty()) {
            return day.isAfter(responseDue) ? RecommendationState.RESPONSE_OVERDUE
                    : RecommendationState.AWAITING_RESPONSE;
        }
        if (answered.get().answer() == Answer.REJECTED) {
            return RecommendationState.REJECTED;
        }
        if (itsActions.stream().noneMatch(a -> a.isOpenOn(day))) {
            return itsActions.stream().anyMatch(a -> a.stateOn(day) == ActionState.COMPLETED)
                    ? RecommendationState.IMPLEMENTED : RecommendationState.NOT_IMPLEMENTED;
        }
        return itsActions.stream().anyMatch(a -> a.overdueOn(day)) ? RecommendationState.IMPLEMENTATION_OVERDUE
                : RecommendationState.IMPLEMENTING;
    }

    /** The day it settled: its rejection, or the day its last action was completed or dropped. */
    public Optional<LocalDate> settledOn(List<ActionRecord> itsActions) {
        if (response.isEmpty()) {
            return Optional.empty();
        }
        if (response.get().answer() == Answer.REJECTED) {
            return Optional.of(response.get().on());
        }
        if (itsActions.stream().anyMatch(a -> a.closedOn().isEmpty())) {
            return Optional.empty();
        }
        return itsActions.stream().map(a -> a.closedOn().orElseThrow()).max(LocalDate::compareTo);
    }

    /** Working days after {@code responseDue} up to the answer (0 while unanswered or on time). */
    public int workingDaysLate(WorkingDays calendar) {
        return response.map(r -> calendar.countAfterUpTo(responseDue, r.on())).orElse(0);
    }

    /** Working days past {@code responseDue} at the end of {@code day}, while unanswered. */
    public int workingDaysPastDue(LocalDate day, WorkingDays calendar) {
        return responseOn(day).isPresent() ? 0 : calendar.countAfterUpTo(responseDue, day);
    }

    /**
     * Answered by the person it is addressed to, once: accepting needs SMART actions, rejecting a
     * reason, a partial answer both (G7; refused in G12's order).
     */
    public RecommendationRecord respond(Response answer, List<ActionRecord> actions) {
        if (!to.equals(answer.by())) {
            throw new RefusedException(Refusal.NOT_ALLOWED, id);
        }
        if (response.isPresent()) {
            throw new RefusedException(Refusal.FINAL, id);
        }
        boolean needsActions = answer.answer() != Answer.REJECTED;
        if (needsActions && (actions.isEmpty() || !actions.stream().allMatch(a -> Smart.isSmart(a, answer.on())))) {
            throw new RefusedException(Refusal.NOT_SMART, id);
        }
        if (answer.answer() != Answer.ACCEPTED && answer.reason().isBlank()) {
            throw new RefusedException(Refusal.NO_REASON, id);
        }
        return new RecommendationRecord(id, source, body, to, meeting, text, responseDue, Optional.of(answer),
                version + 1);
    }
}
