package grants.core.governance;

import grants.core.access.Actor;
import grants.core.errors.NotFoundException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the console reads of governance besides the use cases' answers: the bodies and their meetings,
 * one meeting with its decisions and its voting members, the reviews, one review with its report's
 * recommendations, and the standing of every action and recommendation. Everything as it stands at the
 * end of today, states and lateness worked out ({@link Standing}), never typed; for partners who have
 * signed in (who may read is the use cases' {@link GovernanceService#standing} rule, asked first).
 */
public final class GovernanceReads {

    private final GovernanceService governance;
    private final GovernanceStore store;

    GovernanceReads(GovernanceService governance, GovernanceStore store) {
        this.governance = governance;
        this.store = store;
    }

    /** A body and the days it has met, oldest first. */
    public record Listed(Body body, List<LocalDate> meetings) {
    }

    /** A meeting: its body, who was there, its voting members before any interest ({@code quorum}), its decisions by id. */
    public record MeetingRead(Body body, Meeting meeting, Quorum quorum, List<Decision> decisions) {
    }

    /** A review as it stands, with its report's recommendations as they stand (none before the report). */
    public record ReviewRead(ReviewRecord review, ReviewState state, List<Standing.RecommendationStatus> recommendations) {
    }

    /** The board first, then the theme groups, then scrutiny; by name within each kind. */
    public List<Listed> bodies(Actor actor) {
        governance.standing(actor);
        List<Meeting> meetings = store.meetings();
        return store.bodies().stream().sorted(Comparator.comparing(Body::kind).thenComparing(Body::name))
                .map(body -> new Listed(body, meetings.stream().filter(m -> m.body().equals(body.id()))
                        .map(Meeting::date).sorted().toList())).toList();
    }

    public MeetingRead meeting(Actor actor, String bodyId, LocalDate date) {
        governance.standing(actor);
        Body body = store.body(bodyId).orElseThrow(() -> new NotFoundException("No body " + bodyId + " has been set up."));
        Meeting meeting = store.meeting(bodyId, date).orElseThrow(() -> new NotFoundException("No meeting of " + bodyId
                + " on " + date + " has been recorded."));
        return new MeetingRead(body, meeting, Quorum.of(body, meeting, Set.of(), Optional.empty()),
                store.decisions().stream().filter(d -> d.body().equals(bodyId) && d.meeting().equals(date))
                        .sorted(Comparator.comparing(Decision::id)).toList());
    }

    /** Every review, by id, each with its state. */
    public List<ReviewRead> reviews(Actor actor) {
        Standing now = governance.standing(actor);
        return store.reviews().stream().sorted(Comparator.comparing(ReviewRecord::id)).map(r -> read(now, r)).toList();
    }

    public ReviewRead review(Actor actor, String reviewId) {
        Standing now = governance.standing(actor);
        return read(now, store.review(reviewId).orElseThrow(() -> new NotFoundException("No review " + reviewId
                + " has been scoped.")));
    }

    /** Every action and every recommendation of the register as it stands today, by id, each in words. */
    public GovernanceService.MyWork everything(Actor actor) {
        Standing now = governance.standing(actor);
        return new GovernanceService.MyWork(
                store.actions().stream().sorted(Comparator.comparing(ActionRecord::id)).map(now::of).toList(),
                store.recommendations().stream().sorted(Comparator.comparing(RecommendationRecord::id))
                        .map(now::of).toList());
    }

    private ReviewRead read(Standing now, ReviewRecord review) {
        List<Standing.RecommendationStatus> recommendations = review.report()
                .map(ReviewRecord.Reported::recommendations).orElse(List.of()).stream()
                .map(id -> store.recommendation(id).orElseThrow()).map(now::of).toList();
        return new ReviewRead(review, now.of(review, store::recommendation), recommendations);
    }
}
