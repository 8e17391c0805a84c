package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the public may see of a register's governance at the end of a day (G11), for its open data: what
 * the public log shows ({@link PublicLog}), with each decision whole so that the open data's writer can
 * reduce an exempt one to its body, meeting, kind and that it is exempt.
 */
public record PublicRecords(LocalDate day, List<Decision> decisions, List<Standing.ActionStatus> actions,
                            List<Standing.RecommendationStatus> recommendations, WorkingDays calendar) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public PublicRecords {
        decisions = List.copyOf(decisions);
        actions = List.copyOf(actions);
        recommendations = List.copyOf(recommendations);
    }

    /** The public's records of a register's governance as they stand today (Europe/London). */
    public static PublicRecords today(GovernanceStore store, Clock clock) {
        return on(store.decisions(), store.actions(), store.recommendations(), new WorkingDays(store.bankHolidays()),
                LocalDate.ofInstant(clock.instant(), LONDON));
    }

    /**
     * The public's records as they stand at the end of {@code day}: the public log's (one rule of what the
     * public sees, {@link PublicLog}), with each shown decision whole, for the open data's columns.
     */
    public static PublicRecords on(List<Decision> allDecisions, List<ActionRecord> allActions,
                                   List<RecommendationRecord> allRecommendations, WorkingDays calendar, LocalDate day) {
        PublicLog.Log log = PublicLog.on(day, allDecisions, allActions, allRecommendations, calendar);
        Set<String> shown = log.decisions().stream().map(Publication.Shown::id).collect(Collectors.toSet());
        return new PublicRecords(day, allDecisions.stream().filter(decision -> shown.contains(decision.id())).toList(),
                log.actions().stream().map(PublicLog.PublicAction::standing).toList(),
                log.recommendations().stream().map(PublicLog.PublicRecommendation::standing).toList(), calendar);
    }
}
