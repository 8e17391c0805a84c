package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the public may see of a register's governance at the end of a day (G11), for its open data: the
 * decisions from the next working day after their meeting (a report on the day it is agreed), an exempt one
 * reduced to its body, meeting, kind and that it is exempt; the actions and recommendations of the open ones
 * with them (an answer's actions from the day the answer is recorded, which is when they exist). An exempt
 * decision's action or recommendation is not shown: its owner, dates and state would say what it was about.
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

    /** The public's records as they stand at the end of {@code day}. */
    public static PublicRecords on(List<Decision> allDecisions, List<ActionRecord> allActions,
                                   List<RecommendationRecord> allRecommendations, WorkingDays calendar, LocalDate day) {
        List<Decision> shown = allDecisions.stream()
                .filter(d -> !day.isBefore(Publication.publicFrom(d, calendar))).toList();
        Set<String> open = shown.stream().filter(d -> d.exempt().isEmpty()).map(Decision::id)
                .collect(Collectors.toSet());
        Map<String, Decision> reports = shown.stream().filter(d -> d.terms() instanceof Terms.Report)
                .collect(Collectors.toMap(d -> ((Terms.Report) d.terms()).review(), Function.identity()));
        Standing standing = new Standing(allActions, calendar, day);
        List<RecommendationRecord> recommendations = allRecommendations.stream()
                .filter(r -> open.contains(r.id()) || (reports.containsKey(r.source())
                        && open.contains(reports.get(r.source()).id()))).toList();
        Set<String> shownRecommendations = recommendations.stream().map(RecommendationRecord::id)
                .collect(Collectors.toSet());
        List<Standing.ActionStatus> actions = allActions.stream().filter(a -> !a.madeOn().isAfter(day))
                .filter(a -> open.contains(a.source()) || shownRecommendations.contains(a.source()))
                .map(standing::of).toList();
        return new PublicRecords(day, shown, actions, recommendations.stream().map(standing::of).toList(), calendar);
    }
}
