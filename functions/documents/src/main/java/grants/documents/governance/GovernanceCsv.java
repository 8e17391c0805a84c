package grants.documents.governance;

import grants.documents.CsvFile;

import grants.core.calendar.WorkingDays;
import grants.core.exports.ExportFile;
import grants.core.governance.BoardExceptions;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.GovernanceSection;
import grants.core.governance.GovernanceService;
import grants.core.governance.Meeting;
import grants.core.governance.Publication;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.ReviewState;
import grants.core.governance.Standing;
import grants.documents.reporting.RegisterFiles;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Governance's CSV files (governance-rules.md, "Output of a replay"), from the core's records: the replay's
 * files and the public's open data alike, so both have the same columns. Each list in the order the spec
 * gives, whatever the order it comes in (G13).
 */
public final class GovernanceCsv {

    public static final String DECISIONS_HEADER =
            "decision_id,body,meeting,kind,about,exempt,quorate_members,undeclared,public_from";
    public static final String ACTIONS_HEADER = "action_id,source,owner,original_due,due,state,overdue,"
            + "working_days_overdue,escalated_on,completed_on,working_days_late";
    public static final String RECOMMENDATIONS_HEADER = "recommendation_id,source,to,meeting,response_due,state,"
            + "answer,responded_on,working_days_late,actions";
    public static final String MEETINGS_HEADER = "body,date,voting,exceptions,exceptions_decided,undecided";
    public static final String REVIEWS_HEADER = "review_id,body,state,evidence,findings,recommendations,reported_on";
    public static final String COVERAGE_HEADER = "body,state,last_report_on";
    public static final String SECTION_HEADER = "position,kind,id,state";

    private GovernanceCsv() {
    }

    /**
     * {@code decisions.csv}, by meeting date, body, then id. For the public ({@code forThePublic}) an exempt
     * decision shows only its id, body, meeting, kind, that it is exempt, and when it was published (G11).
     */
    public static ExportFile decisions(List<Decision> decisions, WorkingDays calendar, boolean forThePublic) {
        return CsvFile.of("decisions.csv", DECISIONS_HEADER, decisions.stream()
                .sorted(Comparator.comparing(Decision::meeting).thenComparing(Decision::body)
                        .thenComparing(Decision::id))
                .map(d -> {
                    boolean reduced = forThePublic && d.exempt().isPresent();
                    return List.of(d.id(), d.body(), d.meeting().toString(), d.kind().name(),
                            reduced ? "" : d.about().orElse(""), d.exempt().map(Enum::name).orElse(""),
                            reduced ? "" : Integer.toString(d.quorum().quorateMembers()),
                            reduced ? "" : String.join(";", d.quorum().undeclared().stream().sorted().toList()),
                            Publication.publicFrom(d, calendar).toString());
                }).toList());
    }

    /** {@code actions.csv}, by id: each action as it stands. */
    public static ExportFile actions(List<Standing.ActionStatus> actions) {
        return CsvFile.of("actions.csv", ACTIONS_HEADER, actions.stream()
                .sorted(Comparator.comparing(s -> s.action().id()))
                .map(s -> List.of(s.action().id(), s.action().source(), s.action().owner(),
                        s.action().originalDue().toString(), s.action().due().toString(), s.state().name(),
                        Boolean.toString(s.overdue()), Integer.toString(s.workingDaysOverdue()),
                        day(s.action().escalatedOn()), day(s.action().completed().map(c -> c.on())),
                        Integer.toString(s.workingDaysLate())))
                .toList());
    }

    /** {@code recommendations.csv}, by id: each recommendation as it stands, with its answer and its actions. */
    public static ExportFile recommendations(List<Standing.RecommendationStatus> recommendations) {
        return CsvFile.of("recommendations.csv", RECOMMENDATIONS_HEADER, recommendations.stream()
                .sorted(Comparator.comparing(s -> s.recommendation().id()))
                .map(s -> {
                    RecommendationRecord r = s.recommendation();
                    return List.of(r.id(), r.source(), r.to(), r.meeting().toString(), r.responseDue().toString(),
                            s.state().name(), r.response().map(a -> a.answer().name()).orElse(""),
                            day(r.response().map(RecommendationRecord.Response::on)),
                            Integer.toString(s.workingDaysLate()), String.join(";", s.actions()));
                }).toList());
    }

    /**
     * {@code meetings.csv}, by date then body: the voting members present, and for a board meeting its pack's
     * exceptions, how many were decided and which were not (G8); those fields are empty for other bodies.
     */
    public static ExportFile meetings(List<Meeting> meetings, Map<String, Body> bodies,
                                      Map<LocalDate, BoardExceptions> boardExceptions) {
        return CsvFile.of("meetings.csv", MEETINGS_HEADER, meetings.stream()
                .sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::body))
                .map(m -> {
                    Body body = bodies.get(m.body());
                    Optional<BoardExceptions> exceptions = body.kind() == Body.Kind.BOARD
                            ? Optional.ofNullable(boardExceptions.get(m.date())) : Optional.empty();
                    return List.of(m.body(), m.date().toString(), Integer.toString(m.voting(body).size()),
                            exceptions.map(e -> Integer.toString(e.exceptions().size())).orElse(""),
                            exceptions.map(e -> Long.toString(e.decided())).orElse(""),
                            exceptions.map(e -> String.join(";", e.undecided())).orElse(""));
                }).toList());
    }

    /** {@code reviews.csv}, by id: each review's state and how much it holds. */
    public static ExportFile reviews(List<ReviewRecord> reviews, Map<String, ReviewState> states) {
        return CsvFile.of("reviews.csv", REVIEWS_HEADER, reviews.stream()
                .sorted(Comparator.comparing(ReviewRecord::id))
                .map(r -> List.of(r.id(), r.body(), states.get(r.id()).name(), Integer.toString(r.evidence().size()),
                        Integer.toString(r.findings().size()),
                        Integer.toString(r.report().map(p -> p.recommendations().size()).orElse(0)),
                        day(r.report().map(ReviewRecord.Reported::on))))
                .toList());
    }

    /** {@code coverage.csv}: every theme group, by id, covered or not by a report of the last 365 days (G9). */
    public static ExportFile coverage(List<GovernanceService.Coverage> coverage) {
        return CsvFile.of("coverage.csv", COVERAGE_HEADER, coverage.stream()
                .sorted(Comparator.comparing(GovernanceService.Coverage::body))
                .map(c -> List.of(c.body(), c.covered() ? "COVERED" : "NOT_COVERED", day(c.lastReportOn())))
                .toList());
    }

    /** {@code governance-<date>.csv}: a board pack's governance section in G10's order. */
    public static ExportFile section(GovernanceSection section) {
        return CsvFile.of("governance-" + section.meeting() + ".csv", SECTION_HEADER, section.rows().stream()
                .map(r -> List.of(Integer.toString(r.position()), r.kind().name(), r.id(), r.state())).toList());
    }

    private static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("");
    }
}
