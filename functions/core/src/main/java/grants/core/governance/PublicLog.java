package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log the public reads without signing in (G11), whole: the decisions, and the actions and
 * recommendations they made, each from the next working day after its meeting (a scrutiny report and
 * its recommendations on the day it is agreed); an answer from the day it is recorded, with the
 * actions it made; of an exempt decision only its body, meeting, kind and that it is exempt, so its
 * action or recommendation is not listed. A variation or a drop changes what the public sees of an
 * action only once its decision is public; an owner's update or completion shows from its day, as an
 * answer does. Partners who sign in read everything through their own routes.
 */
public final class PublicLog {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** An action as the public sees it: its standing worked out from what is public only. */
    public record PublicAction(Standing.ActionStatus standing, LocalDate publicFrom) {
    }

    /** A recommendation as the public sees it, with its answer once recorded. */
    public record PublicRecommendation(Standing.RecommendationStatus standing, LocalDate publicFrom) {
    }

    /** Decisions by meeting, body, then id; actions and recommendations by id. */
    public record Log(LocalDate day, List<Publication.Shown> decisions, List<PublicAction> actions,
                      List<PublicRecommendation> recommendations) {
        public Log {
            decisions = List.copyOf(decisions);
            actions = List.copyOf(actions);
            recommendations = List.copyOf(recommendations);
        }
    }

    private final GovernanceStore store;
    private final Clock clock;

    public PublicLog(GovernanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the public sees today (Europe/London). */
    public Log today() {
        return on(LocalDate.ofInstant(clock.instant(), LONDON), store.decisions(), store.actions(),
                store.recommendations(), new WorkingDays(store.bankHolidays()));
    }

    /** What the public sees at the end of {@code day}, from the records as they are. */
    public static Log on(LocalDate day, List<Decision> decisions, List<ActionRecord> actions,
                         List<RecommendationRecord> recommendations, WorkingDays calendar) {
        Map<String, Decision> decisionsById = new HashMap<>();
        decisions.forEach(d -> decisionsById.put(d.id(), d));
        // What each record's words are public from: a decision's own day, or for a report's recommendation its report's.
        Map<String, Decision> makers = new HashMap<>(decisionsById);
        decisions.forEach(d -> {
            if (d.terms() instanceof Terms.Report report) {
                report.recommendations().forEach(r -> makers.put(r.id(), d));
            }
        });
        Map<String, LocalDate> recommendationsFrom = new HashMap<>();
        for (RecommendationRecord r : recommendations) {
            openFrom(makers.get(r.id()), calendar).filter(from -> !day.isBefore(from))
                    .ifPresent(from -> recommendationsFrom.put(r.id(), from));
        }
        Map<String, LocalDate> actionsFrom = new HashMap<>();
        for (ActionRecord a : actions) {
            Optional<LocalDate> from = makers.containsKey(a.id()) ? openFrom(makers.get(a.id()), calendar)
                    : answeredFrom(a, recommendations, recommendationsFrom);
            from.filter(f -> !day.isBefore(f)).ifPresent(f -> actionsFrom.put(a.id(), f));
        }
        List<ActionRecord> seen = actions.stream().filter(a -> actionsFrom.containsKey(a.id()))
                .map(a -> asPublished(a, day, decisionsById, calendar)).sorted(Comparator.comparing(ActionRecord::id))
                .toList();
        Standing standing = new Standing(seen, calendar, day);
        return new Log(day, decisions.stream()
                .sorted(Comparator.comparing(Decision::meeting).thenComparing(Decision::body).thenComparing(Decision::id))
                .flatMap(d -> Publication.toPublic(d, day, calendar).stream()).toList(),
                seen.stream().map(a -> new PublicAction(standing.of(a), actionsFrom.get(a.id()))).toList(),
                recommendations.stream().filter(r -> recommendationsFrom.containsKey(r.id()))
                        .sorted(Comparator.comparing(RecommendationRecord::id))
                        .map(r -> new PublicRecommendation(standing.of(r), recommendationsFrom.get(r.id()))).toList());
    }

    /** The day a decision's words are public from; never, for an exempt one (G11). */
    private static Optional<LocalDate> openFrom(Decision decision, WorkingDays calendar) {
        return decision == null || decision.exempt().isPresent() ? Optional.empty()
                : Optional.of(Publication.publicFrom(decision, calendar));
    }

    /** An answer's action: public from the answer's day, once its recommendation is public. */
    private static Optional<LocalDate> answeredFrom(ActionRecord action, List<RecommendationRecord> recommendations,
                                                    Map<String, LocalDate> recommendationsFrom) {
        return recommendations.stream().filter(r -> r.id().equals(action.source()))
                .filter(r -> recommendationsFrom.containsKey(r.id())).flatMap(r -> r.response().stream())
                .filter(answer -> answer.actions().contains(action.id()))
                .map(answer -> answer.on().isAfter(recommendationsFrom.get(action.source())) ? answer.on()
                        : recommendationsFrom.get(action.source())).findFirst();
    }

    /** The action with only the variations and the drop whose decisions are public at the end of {@code day}. */
    private static ActionRecord asPublished(ActionRecord action, LocalDate day, Map<String, Decision> decisions,
                                            WorkingDays calendar) {
        List<ActionRecord.DueChange> variations = action.variations().stream().filter(v -> !day.isBefore(
                Optional.ofNullable(decisions.get(v.decision())).map(d -> Publication.publicFrom(d, calendar))
                        .orElse(calendar.after(v.on(), 1)))).toList();
        Optional<Act> dropped = action.dropped().filter(d -> !day.isBefore(calendar.after(d.on(), 1)));
        return new ActionRecord(action.id(), action.source(), action.decidedBy(), action.owner(), action.madeOn(),
                action.originalDue(), action.criterion(), variations, action.updates(), action.completed(), dropped,
                action.escalatedOn(), action.version());
    }
}
