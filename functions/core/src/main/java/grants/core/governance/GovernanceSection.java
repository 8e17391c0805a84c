package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The governance section of a board pack (G10): every body's actions and recommendations as they
 * stood at the end of the day before the meeting, the late ones first. "Since the previous board
 * meeting" means on or after its date (for the first board meeting: ever).
 */
public record GovernanceSection(LocalDate meeting, List<Row> rows) {

    /** One row: its position (from 1), whether it is an action or a recommendation, its id and its state. */
    public record Row(int position, Terms.Kind kind, String id, String state) {
    }

    public GovernanceSection {
        rows = List.copyOf(rows);
    }

    public static GovernanceSection of(LocalDate meeting, Optional<LocalDate> previousBoardMeeting,
                                       List<ActionRecord> allActions, List<RecommendationRecord> allRecommendations,
                                       WorkingDays calendar) {
        LocalDate asAt = meeting.minusDays(1);
        LocalDate since = previousBoardMeeting.orElse(LocalDate.MIN);
        List<ActionRecord> actions = allActions.stream().filter(a -> !a.madeOn().isAfter(asAt)).toList();
        Standing standing = new Standing(actions, calendar, asAt);
        List<Row> rows = new ArrayList<>();

        Comparator<ActionRecord> byId = Comparator.comparing(ActionRecord::id);
        Predicate<ActionRecord> escalated = a -> a.isOpenOn(asAt) && a.escalatedBy(asAt);
        Predicate<ActionRecord> overdue = a -> escalated.negate().test(a) && a.overdueOn(asAt);
        addActions(rows, actions, escalated, Comparator.comparing((ActionRecord a) -> a.escalatedOn().orElseThrow())
                .thenComparing(byId), asAt);
        addActions(rows, actions, overdue, Comparator.comparing((ActionRecord a) -> -a.workingDaysOverdue(asAt, calendar))
                .thenComparing(a -> a.dueOn(asAt)).thenComparing(byId), asAt);
        addActions(rows, actions, a -> a.isOpenOn(asAt) && !escalated.test(a) && !overdue.test(a),
                Comparator.comparing((ActionRecord a) -> a.dueOn(asAt)).thenComparing(byId), asAt);
        addActions(rows, actions, a -> !a.isOpenOn(asAt) && !a.closedOn().orElseThrow().isBefore(since), byId, asAt);

        List<Standing.RecommendationStatus> recommendations = allRecommendations.stream()
                .filter(r -> !r.meeting().isAfter(asAt)).map(standing::of).toList();
        Comparator<Standing.RecommendationStatus> byRecommendationId = Comparator.comparing(s -> s.recommendation().id());
        addRecommendations(rows, recommendations, s -> s.state() == RecommendationState.RESPONSE_OVERDUE,
                Comparator.comparing((Standing.RecommendationStatus s) ->
                        -s.recommendation().workingDaysPastDue(asAt, calendar)).thenComparing(byRecommendationId));
        addRecommendations(rows, recommendations, s -> s.state() == RecommendationState.AWAITING_RESPONSE,
                Comparator.comparing((Standing.RecommendationStatus s) -> s.recommendation().responseDue())
                        .thenComparing(byRecommendationId));
        addRecommendations(rows, recommendations, s -> s.state() == RecommendationState.IMPLEMENTATION_OVERDUE
                        || s.state() == RecommendationState.IMPLEMENTING,
                Comparator.comparing((Standing.RecommendationStatus s) -> s.recommendation().meeting())
                        .thenComparing(byRecommendationId));
        addRecommendations(rows, recommendations, s -> s.state().isSettled() && s.recommendation()
                .settledOn(standing.actionsOf(s.recommendation())).filter(on -> !on.isBefore(since)).isPresent(),
                byRecommendationId);
        return new GovernanceSection(meeting, rows);
    }

    private static void addActions(List<Row> rows, List<ActionRecord> actions, Predicate<ActionRecord> group,
                                   Comparator<ActionRecord> order, LocalDate asAt) {
        actions.stream().filter(group).sorted(order).forEach(a -> rows.add(new Row(rows.size() + 1,
                Terms.Kind.ACTION, a.id(), a.stateOn(asAt).name())));
    }

    private static void addRecommendations(List<Row> rows, List<Standing.RecommendationStatus> recommendations,
                                           Predicate<Standing.RecommendationStatus> group,
                                           Comparator<Standing.RecommendationStatus> order) {
        recommendations.stream().filter(group).sorted(order).forEach(s -> rows.add(new Row(rows.size() + 1,
                Terms.Kind.RECOMMENDATION, s.recommendation().id(), s.state().name())));
    }
}
