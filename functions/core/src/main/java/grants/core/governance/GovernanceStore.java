package grants.core.governance;

import grants.core.audit.AuditEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where governance is kept (outbound port). Every change is one {@link Change}: its records, and
 * its audit entry, written together or not at all. A record at version 1 is new and written only if
 * no record of the book has its id; any other replaces only the version before it. An escalation is
 * written only if the ledger has none for its action.
 */
public interface GovernanceStore {

    /** One change: what it writes, and its audit entry in the same transaction. */
    record Change(Optional<Decision> decision, List<ActionRecord> actions, List<RecommendationRecord> recommendations,
                  List<ReviewRecord> reviews, Optional<Escalation> escalation, AuditEntry audit,
                  Optional<Requested> requested) {

        public Change {
            actions = List.copyOf(actions);
            recommendations = List.copyOf(recommendations);
            reviews = List.copyOf(reviews);
        }

        public static Change of(AuditEntry audit) {
            return new Change(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), audit,
                    Optional.empty());
        }

        public Change with(Decision made) {
            return new Change(Optional.of(made), actions, recommendations, reviews, escalation, audit, requested);
        }

        public Change with(ActionRecord... more) {
            return new Change(decision, concat(actions, more), recommendations, reviews, escalation, audit, requested);
        }

        public Change with(RecommendationRecord... more) {
            return new Change(decision, actions, concat(recommendations, more), reviews, escalation, audit, requested);
        }

        public Change with(ReviewRecord... more) {
            return new Change(decision, actions, recommendations, concat(reviews, more), escalation, audit, requested);
        }

        public Change with(Escalation made) {
            return new Change(decision, actions, recommendations, reviews, Optional.of(made), audit, requested);
        }

        /** Made under a client's key: kept with it, written once ({@link #requested(String)}). */
        public Change with(Requested under) {
            return new Change(decision, actions, recommendations, reviews, escalation, audit, Optional.of(under));
        }

        /** The record a request answers with: the decision, else the recommendation answered, the review, the action. */
        public String subject() {
            return decision.map(Decision::id)
                    .or(() -> recommendations.stream().findFirst().map(RecommendationRecord::id))
                    .or(() -> reviews.stream().findFirst().map(ReviewRecord::id))
                    .or(() -> actions.stream().findFirst().map(ActionRecord::id))
                    .orElseThrow(() -> new IllegalStateException("a change made at a client's request writes a record"));
        }

        private static <T> List<T> concat(List<T> list, T[] more) {
            return java.util.stream.Stream.concat(list.stream(), java.util.Arrays.stream(more)).toList();
        }
    }

    /** A change made under a client's key: the key, and the record it made or changed (its {@code subject}). */
    record Requested(RequestKey request, String subject) {
    }

    /** The change made under this key (already its caller's), if one was. */
    Optional<Requested> requested(String key);

    /** Writes the change whole if every version still holds; false (nothing written) if not. */
    boolean apply(Change change);

    /** A body set up or changed by the clerk, with its audit entry. */
    void putBody(Body body, AuditEntry audit);

    /** A meeting recorded (or its attendance corrected), with its audit entry. */
    void putMeeting(Meeting meeting, AuditEntry audit);

    List<Body> bodies();

    Optional<Body> body(String id);

    List<Meeting> meetings();

    Optional<Meeting> meeting(String body, LocalDate date);

    List<Decision> decisions();

    Optional<Decision> decision(String id);

    List<ActionRecord> actions();

    Optional<ActionRecord> action(String id);

    List<RecommendationRecord> recommendations();

    Optional<RecommendationRecord> recommendation(String id);

    List<ReviewRecord> reviews();

    Optional<ReviewRecord> review(String id);

    /** Whether any record of the book (decision, action, recommendation, review, evidence, finding) has this id (G1). */
    boolean idTaken(String id);

    /**
     * The daily run's read: actions not escalated, neither completed nor dropped, whose current due
     * date is before {@code day}. Kept indexed by due day, so its cost grows with what is due.
     */
    List<ActionRecord> openActionsDueBefore(LocalDate day);

    /** The escalation ledger, by day then action. */
    List<Escalation> escalations();

    /** The bank holidays, held as data so that a new one needs no deploy. */
    List<LocalDate> bankHolidays();
}
