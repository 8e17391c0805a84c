package grants.core.governance;

import grants.core.calendar.WorkingDays;
import grants.core.text.InWords;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where everything stands at the end of a day, worked out from the records (G5, G7, G9), never
 * typed: the states, what is overdue and by how many working days, said in plain English.
 */
public final class Standing {

    /** An action as it stands: its state, and how late it is. */
    public record ActionStatus(ActionRecord action, ActionState state, boolean overdue, int workingDaysOverdue,
                               int workingDaysLate, String words) {
    }

    /** A recommendation as it stands, with the actions its answer made. */
    public record RecommendationStatus(RecommendationRecord recommendation, RecommendationState state,
                                       int workingDaysLate, List<String> actions, String words) {
    }

    private final Map<String, List<ActionRecord>> actionsBySource;
    private final WorkingDays calendar;
    private final LocalDate day;

    public Standing(List<ActionRecord> actions, WorkingDays calendar, LocalDate day) {
        this.actionsBySource = actions.stream().collect(Collectors.groupingBy(ActionRecord::source));
        this.calendar = calendar;
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }

    public ActionStatus of(ActionRecord action) {
        ActionState state = action.stateOn(day);
        int overdue = action.workingDaysOverdue(day, calendar);
        int late = state == ActionState.COMPLETED ? action.workingDaysLate(calendar) : 0;
        boolean isOverdue = action.overdueOn(day);
        return new ActionStatus(action, state, isOverdue, overdue, late,
                words(action, state, isOverdue ? overdue : -1, late));
    }

    public RecommendationStatus of(RecommendationRecord recommendation) {
        List<ActionRecord> its = actionsOf(recommendation);
        RecommendationState state = recommendation.stateOn(day, its);
        return new RecommendationStatus(recommendation, state,
                recommendation.responseOn(day).isPresent() ? recommendation.workingDaysLate(calendar) : 0,
                its.stream().map(ActionRecord::id).sorted().toList(), words(recommendation, state));
    }

    public ReviewState of(ReviewRecord review, Function<String, Optional<RecommendationRecord>> recommendations) {
        Map<String, RecommendationState> states = review.report().map(ReviewRecord.Reported::recommendations)
                .orElse(List.of()).stream().collect(Collectors.toMap(id -> id,
                        id -> of(recommendations.apply(id).orElseThrow()).state()));
        return review.stateOn(day, states);
    }

    /** The actions a recommendation's answer made, as they stood at the end of the day. */
    public List<ActionRecord> actionsOf(RecommendationRecord recommendation) {
        List<String> made = recommendation.responseOn(day).map(RecommendationRecord.Response::actions)
                .orElse(List.of());
        return actionsBySource.getOrDefault(recommendation.id(), List.of()).stream()
                .filter(a -> made.contains(a.id())).toList();
    }

    /** {@code overdue} is -1 when it is not overdue (0 on the weekend after a Friday's due date). */
    private String words(ActionRecord action, ActionState state, int overdue, int late) {
        String due = "Due " + InWords.date(action.dueOn(day))
                + (action.variations().stream().anyMatch(v -> !v.on().isAfter(day))
                ? " (originally " + InWords.date(action.originalDue()) + ")" : "");
        return switch (state) {
            case COMPLETED -> due + ", completed on " + InWords.date(action.completed().orElseThrow().on())
                    + (late == 0 ? ", on time" : ", " + days(late) + " late");
            case DROPPED -> due + ", dropped on " + InWords.date(action.dropped().orElseThrow().on());
            default -> due + (overdue < 0 ? "" : overdue == 0 ? ", overdue" : ", " + days(overdue) + " overdue")
                    + (state == ActionState.IN_PROGRESS ? ", in progress" : ", not started");
        };
    }

    private String words(RecommendationRecord recommendation, RecommendationState state) {
        return switch (state) {
            case AWAITING_RESPONSE -> "Answer due " + InWords.date(recommendation.responseDue());
            case RESPONSE_OVERDUE -> "Answer due " + InWords.date(recommendation.responseDue()) + ", "
                    + days(recommendation.workingDaysPastDue(day, calendar)) + " overdue";
            case REJECTED -> "Rejected";
            case IMPLEMENTING -> "Accepted, being carried out";
            case IMPLEMENTATION_OVERDUE -> "Accepted, an action is overdue";
            case IMPLEMENTED -> "Implemented";
            case NOT_IMPLEMENTED -> "Not implemented: its actions were dropped";
        };
    }

    private static String days(int n) {
        return n == 1 ? "1 working day" : n + " working days";
    }
}
