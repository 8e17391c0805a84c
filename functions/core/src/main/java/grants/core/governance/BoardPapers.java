package grants.core.governance;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.calendar.WorkingDays;
import grants.core.errors.NotFoundException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The papers of a meeting, read by partners who sign in: a board pack's governance section in words
 * (G10), and a meeting's minutes (G8's exceptions decided and not, then each decision with its quorum).
 * Reads only; the public sees neither.
 */
public final class BoardPapers {

    private final GovernanceStore store;
    private final PackExceptions performance;
    private final String registerId;

    public BoardPapers(GovernanceStore store, PackExceptions performance, String registerId) {
        this.store = store;
        this.performance = performance;
        this.registerId = registerId;
    }

    /** The governance section of the board meeting on {@code boardMeeting}, as it stood the day before (G10). */
    public PackSection packSection(Actor actor, LocalDate boardMeeting) {
        requirePartner(actor);
        Body board = store.bodies().stream().filter(b -> b.kind() == Body.Kind.BOARD).findFirst()
                .orElseThrow(() -> new NotFoundException("No board has been set up."));
        meetingOf(actor, board.id(), boardMeeting);
        Optional<LocalDate> previous = store.meetings().stream().filter(m -> m.body().equals(board.id()))
                .map(Meeting::date).filter(boardMeeting::isAfter).max(Comparator.naturalOrder());
        WorkingDays calendar = new WorkingDays(store.bankHolidays());
        List<ActionRecord> actions = store.actions();
        List<RecommendationRecord> recommendations = store.recommendations();
        GovernanceSection section = GovernanceSection.of(boardMeeting, previous, actions, recommendations, calendar);
        Standing standing = new Standing(actions, calendar, boardMeeting.minusDays(1));
        Map<String, ActionRecord> actionsById = byId(actions, ActionRecord::id);
        Map<String, RecommendationRecord> recommendationsById = byId(recommendations, RecommendationRecord::id);
        Map<String, String> bodies = store.bodies().stream().collect(Collectors.toMap(Body::id, Body::name));
        List<PackSection.Item> items = section.rows().stream().map(row -> row.kind() == Terms.Kind.ACTION
                ? item(row, standing.of(actionsById.get(row.id())), standing.day(), bodies)
                : item(row, standing.of(recommendationsById.get(row.id())), bodies)).toList();
        return new PackSection(boardMeeting, standing.day(), previous,
                items.stream().filter(i -> i.kind() == Terms.Kind.ACTION).toList(),
                items.stream().filter(i -> i.kind() == Terms.Kind.RECOMMENDATION).toList());
    }

    /** A meeting's minutes: for the board, its exceptions each decided or not first; then its decisions by id. */
    public Minutes minutes(Actor actor, String bodyId, LocalDate date) {
        Meeting meeting = meetingOf(actor, bodyId, date);
        Body body = store.body(bodyId).orElseThrow();
        List<Decision> decisions = store.decisions().stream()
                .filter(d -> d.body().equals(bodyId) && d.meeting().equals(date))
                .sorted(Comparator.comparing(Decision::id)).toList();
        Optional<BoardExceptions> exceptions = body.kind() == Body.Kind.BOARD
                ? Optional.of(BoardExceptions.of(date, performance.exceptionsFor(date), decisions)) : Optional.empty();
        return new Minutes(body, meeting, exceptions, decisions);
    }

    /** A partner's read of a meeting that was recorded: the public reads no meeting's papers. */
    private Meeting meetingOf(Actor actor, String bodyId, LocalDate date) {
        requirePartner(actor);
        store.body(bodyId).orElseThrow(() -> new NotFoundException("No body " + bodyId + " has been set up."));
        return store.meeting(bodyId, date).orElseThrow(() -> new NotFoundException("No meeting of " + bodyId
                + " on " + date + " has been recorded."));
    }

    /** Asked before anything is looked up, so someone bound elsewhere learns nothing of the register. */
    private void requirePartner(Actor actor) {
        if (actor == Actor.ANONYMOUS || !actor.worksOn(registerId)) {
            throw new ForbiddenException("Only partners of " + registerId + " who have signed in may read a"
                    + " meeting's papers.");
        }
    }

    private static PackSection.Item item(GovernanceSection.Row row, Standing.ActionStatus status, LocalDate asAt,
                                         Map<String, String> bodies) {
        ActionRecord action = status.action();
        return new PackSection.Item(row.position(), row.kind(), row.id(), row.state(), status.words(), action.owner(),
                action.criterion(), bodies.getOrDefault(action.decidedBy(), action.decidedBy()), status.overdue(),
                action.escalatedOn().filter(on -> !on.isAfter(asAt)));
    }

    private static PackSection.Item item(GovernanceSection.Row row, Standing.RecommendationStatus status,
                                         Map<String, String> bodies) {
        RecommendationRecord recommendation = status.recommendation();
        return new PackSection.Item(row.position(), row.kind(), row.id(), row.state(), status.words(),
                recommendation.to(), recommendation.text(), bodies.getOrDefault(recommendation.body(),
                recommendation.body()), false, Optional.empty());
    }

    private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        return records.stream().collect(Collectors.toMap(id, r -> r));
    }
}
