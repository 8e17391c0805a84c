package grants.testing.governance;

import grants.core.calendar.WorkingDays;
import grants.core.governance.ActionRecord;
import grants.core.governance.ActionState;
import grants.core.governance.BoardExceptions;
import grants.core.governance.Decision;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceService;
import grants.core.governance.Publication;
import grants.core.governance.RecommendationState;
import grants.core.governance.ReviewState;
import grants.core.governance.Standing;
import grants.core.governance.Terms;
import grants.core.access.Actor;
import grants.documents.governance.GovernanceBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of governance-rules.md, {@code coventry-governance.json}, lived through the
 * governance use cases on the in-memory store: every figure asserted here is one the spec states.
 * The packs' exceptions (G8) are reporting's to compute; here they are the lists the spec gives.
 */
class CoventryGovernanceExampleTest {

    /** The exceptions the spec lists for the three board meetings it names. */
    static final Map<LocalDate, List<String>> EXCEPTIONS = Map.of(
            day("2009-11-19"), List.of("ni-8", "ni-152", "ni-39", "ni-56"),
            day("2010-02-18"), List.of("ni-152", "ni-154", "ni-117", "ni-56", "ni-8"),
            day("2010-05-20"), List.of("ni-154", "ni-20", "ni-56", "ni-192"));

    private static GovernanceBook book;
    private static GovernanceReplay replay;
    private static Standing atAsOf;

    @BeforeAll
    static void replay() {
        book = GovernanceReplay.coventry();
        replay = GovernanceReplay.play(book, GovernanceReplay.packs(book, EXCEPTIONS));
        atAsOf = replay.service.standing(replay.clerk);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static ActionRecord action(String id) {
        return replay.store.action(id).orElseThrow();
    }

    private static Standing.ActionStatus actionAtAsOf(String id) {
        return atAsOf.of(action(id));
    }

    private static Standing.RecommendationStatus recommendationAtAsOf(String id) {
        return atAsOf.of(replay.store.recommendation(id).orElseThrow());
    }

    private static Decision decision(String id) {
        return replay.store.decision(id).orElseThrow();
    }

    @Test
    void sixtyFiveEventsGiveTwentyTwoDecisionsTwelveActionsEightRecommendationsAndEighteenRefusals() {
        assertThat(book.events()).hasSize(65);
        assertThat(replay.store.meetings()).hasSize(17);
        assertThat(replay.store.decisions()).hasSize(22);
        assertThat(replay.store.decisions().stream().collect(Collectors.groupingBy(Decision::kind,
                Collectors.counting()))).isEqualTo(Map.of(Terms.Kind.NOTED, 7L, Terms.Kind.ACTION, 6L,
                Terms.Kind.RECOMMENDATION, 6L, Terms.Kind.VARIATION, 1L, Terms.Kind.DROP, 1L, Terms.Kind.REPORT, 1L));
        assertThat(replay.store.actions()).hasSize(12);
        assertThat(replay.store.actions().stream().filter(a -> a.source().equals(a.id()))).hasSize(6);
        assertThat(replay.store.recommendations()).hasSize(8);
        assertThat(replay.refused).hasSize(18);
    }

    @Test
    void everyRefusalHasTheReasonTheSpecGivesItsEvent() {
        assertThat(replay.refused).extracting(r -> r.on() + " " + r.type() + " " + r.by() + " " + r.subject() + " "
                + r.reason()).containsExactly(
                "2009-11-19 decide manager-joanne clpsb-2009-11-19-05 NOT_SMART",
                "2009-12-10 decide owner-yusuf tg-stronger-2009-12-10-01 NOT_ALLOWED",
                "2010-01-05 respond owner-sandra clpsb-2009-11-19-03 FINAL",
                "2010-01-20 decide manager-raj scrutiny-panel-2010-01-20-01 ADVISORY",
                "2010-01-25 respond owner-claire clpsb-2009-11-19-04 NO_REASON",
                "2010-01-27 evidence owner-claire srv-stronger-2010-e3 NOT_ALLOWED",
                "2010-02-01 update manager-joanne clpsb-2009-11-19-01 NOT_ALLOWED",
                "2010-02-10 update owner-anita clpsb-2009-11-19-02 FINAL",
                "2010-02-24 finding scrutiny-tom srv-stronger-2010-f2 NO_EVIDENCE",
                "2010-03-09 decide manager-raj tg-jobs-2010-03-09-01 NOT_ALLOWED",
                "2010-03-10 decide manager-raj scrutiny-panel-2010-03-10-01 OUT_OF_SCOPE",
                "2010-03-12 update owner-ian tg-jobs-2009-12-08-01 FINAL",
                "2010-03-15 evidence scrutiny-margaret srv-stronger-2010-e5 FINAL",
                "2010-04-01 decide manager-raj tg-stronger-2010-04-01-02 NOT_ALLOWED",
                "2010-04-19 respond owner-sandra clpsb-2010-02-18-04 NOT_ALLOWED",
                "2010-04-21 decide manager-raj scrutiny-panel-2010-04-21-01 FINAL",
                "2010-04-21 decide manager-raj scrutiny-panel-2010-04-21-02 EMPTY_REPORT",
                "2010-05-20 decide manager-joanne clpsb-2010-05-20-04 INQUORATE");
        assertThat(replay.refused.stream().collect(Collectors.groupingBy(GovernanceReplay.Refused::reason,
                Collectors.counting()))).containsEntry("NOT_ALLOWED", 6L).containsEntry("FINAL", 5L).hasSize(9);
    }

    @Test
    void eachBoardMeetingShowsItsExceptionsAndWhichAreDecided() {
        BoardExceptions november = replay.service.exceptions(replay.clerk, day("2009-11-19"));
        assertThat(november.decided()).isEqualTo(3);
        assertThat(november.undecided()).containsExactly("ni-56");
        BoardExceptions february = replay.service.exceptions(replay.clerk, day("2010-02-18"));
        assertThat(february.decided()).isEqualTo(3);
        assertThat(february.undecided()).containsExactly("ni-56", "ni-8");
        BoardExceptions may = replay.service.exceptions(replay.clerk, day("2010-05-20"));
        assertThat(may.decided()).isEqualTo(3);
        assertThat(may.undecided()).containsExactly("ni-56");
    }

    @Test
    void theBoardsActionIsEscalatedOnceOnTheFifteenthOfFebruaryToItsOwnerAndTheChair() {
        List<Escalation> emails = replay.store.outbox();
        assertThat(emails).hasSize(2);
        Escalation first = emails.get(0);
        assertThat(first.action()).isEqualTo("clpsb-2009-11-19-01");
        assertThat(first.on()).isEqualTo(day("2010-02-15"));
        assertThat(first.workingDaysOverdue()).isEqualTo(20);
        assertThat(first.recipients()).containsExactlyInAnyOrder("owner-sandra", "board-catherine");
        ActionRecord varied = action("clpsb-2009-11-19-01");
        assertThat(varied.originalDue()).isEqualTo(day("2010-01-15"));
        assertThat(varied.due()).isEqualTo(day("2010-03-31"));
        assertThat(actionAtAsOf("clpsb-2009-11-19-01").state()).isEqualTo(ActionState.COMPLETED);
        assertThat(varied.completed().orElseThrow().on()).isEqualTo(day("2010-03-26"));
        assertThat(actionAtAsOf("clpsb-2009-11-19-01").workingDaysLate()).isZero();
    }

    @Test
    void theMissedRunsOfFirstAndSecondMarchAreCaughtUpOnTheThird() {
        Escalation second = replay.store.outbox().get(1);
        assertThat(second.action()).isEqualTo("tg-safer-2009-12-03-01");
        assertThat(second.on()).isEqualTo(day("2010-03-03"));
        assertThat(second.workingDaysOverdue()).isEqualTo(22);
        assertThat(second.recipients()).containsExactlyInAnyOrder("board-frank", "owner-gary");
        Standing.ActionStatus pubWatch = actionAtAsOf("tg-safer-2009-12-03-01");
        assertThat(pubWatch.state()).isEqualTo(ActionState.IN_PROGRESS);
        assertThat(pubWatch.workingDaysOverdue()).isEqualTo(20 + 23 + 20 + 19);
    }

    @Test
    void completedActionsCountTheWorkingDaysTheyWereLate() {
        assertThat(actionAtAsOf("clpsb-2009-11-19-02").workingDaysLate()).isEqualTo(3);
        assertThat(actionAtAsOf("scrutiny-panel-2010-01-20-02-a1").workingDaysLate()).isEqualTo(2);
        assertThat(actionAtAsOf("tg-jobs-2009-12-08-01").state()).isEqualTo(ActionState.DROPPED);
    }

    @Test
    void anActionNineteenWorkingDaysOverdueIsNotYetEscalatedAndItsRecommendationIsOverdue() {
        Standing.ActionStatus schools = actionAtAsOf("tg-safer-2009-12-03-02-a1");
        assertThat(schools.workingDaysOverdue()).isEqualTo(19);
        assertThat(schools.action().escalatedOn()).isEmpty();
        assertThat(recommendationAtAsOf("tg-safer-2009-12-03-02").state())
                .isEqualTo(RecommendationState.IMPLEMENTATION_OVERDUE);
    }

    @Test
    void answersAreDueFortyWorkingDaysAfterTheirMeeting() {
        Map<String, LocalDate> due = replay.store.recommendations().stream().collect(Collectors.toMap(
                r -> r.id(), r -> r.responseDue()));
        assertThat(due).containsEntry("clpsb-2009-11-19-03", day("2010-01-19"))
                .containsEntry("tg-safer-2009-12-03-02", day("2010-02-02"))
                .containsEntry("scrutiny-panel-2010-01-20-02", day("2010-03-17"))
                .containsEntry("clpsb-2010-02-18-04", day("2010-04-19"))
                .containsEntry("srv-stronger-2010-r1", day("2010-05-10"))
                .containsEntry("srv-stronger-2010-r2", day("2010-05-10"))
                .containsEntry("tg-stronger-2010-04-01-01", day("2010-06-02"));
    }

    @Test
    void answersAreOnTimeOrLateByTheWorkingDaysTheSpecCounts() {
        assertThat(recommendationAtAsOf("clpsb-2009-11-19-03").state()).isEqualTo(RecommendationState.IMPLEMENTED);
        assertThat(recommendationAtAsOf("clpsb-2009-11-19-03").workingDaysLate()).isZero();
        assertThat(recommendationAtAsOf("clpsb-2009-11-19-04").state()).isEqualTo(RecommendationState.REJECTED);
        assertThat(recommendationAtAsOf("clpsb-2009-11-19-04").workingDaysLate()).isEqualTo(5);
        assertThat(recommendationAtAsOf("tg-safer-2009-12-03-02").workingDaysLate()).isZero();
        assertThat(recommendationAtAsOf("clpsb-2010-02-18-04").workingDaysLate()).isEqualTo(24);
        assertThat(recommendationAtAsOf("srv-stronger-2010-r1").workingDaysLate()).isZero();
        assertThat(recommendationAtAsOf("srv-stronger-2010-r2").workingDaysLate()).isEqualTo(2);
    }

    @Test
    void atTheMayBoardIanBakersAnswerIsOverdue() {
        Standing beforeMay = new Standing(replay.store.actions(), new WorkingDays(book.bankHolidays()),
                day("2010-05-19"));
        assertThat(beforeMay.of(replay.store.recommendation("clpsb-2010-02-18-04").orElseThrow()).state())
                .isEqualTo(RecommendationState.RESPONSE_OVERDUE);
    }

    @Test
    void atAsOfTheActionsAndRecommendationsStandAsTheSpecCounts() {
        Map<ActionState, Long> actions = replay.store.actions().stream().map(atAsOf::of)
                .collect(Collectors.groupingBy(Standing.ActionStatus::state, Collectors.counting()));
        assertThat(actions).isEqualTo(Map.of(ActionState.COMPLETED, 5L, ActionState.DROPPED, 1L,
                ActionState.IN_PROGRESS, 3L, ActionState.OPEN, 3L));
        assertThat(replay.store.actions().stream().map(atAsOf::of).filter(Standing.ActionStatus::overdue)).hasSize(2);
        Map<RecommendationState, Long> recommendations = replay.store.recommendations().stream().map(atAsOf::of)
                .collect(Collectors.groupingBy(Standing.RecommendationStatus::state, Collectors.counting()));
        assertThat(recommendations).isEqualTo(Map.of(RecommendationState.IMPLEMENTED, 2L,
                RecommendationState.REJECTED, 1L, RecommendationState.IMPLEMENTING, 3L,
                RecommendationState.IMPLEMENTATION_OVERDUE, 1L, RecommendationState.AWAITING_RESPONSE, 1L));
        assertThat(recommendationAtAsOf("tg-stronger-2010-04-01-01").state())
                .isEqualTo(RecommendationState.AWAITING_RESPONSE);
    }

    @Test
    void conflictedMembersAreCountedOutWhetherTheyDeclaredOrNot() {
        Decision stokeAldermoor = decision("clpsb-2010-02-18-04");
        assertThat(stokeAldermoor.quorum().voting()).hasSize(5);
        assertThat(stokeAldermoor.quorum().quorateMembers()).isEqualTo(4);
        assertThat(stokeAldermoor.quorum().undeclared()).containsExactly("board-susan");
        Decision legalAdvice = decision("clpsb-2010-02-18-05");
        assertThat(legalAdvice.quorum().quorateMembers()).isEqualTo(4);
        assertThat(legalAdvice.quorum().undeclared()).isEmpty();
        assertThat(replay.service.quorumFor(replay.clerk, "clpsb", day("2010-05-20"), List.of("board-lucy"),
                java.util.Optional.of("nhs-coventry")).quorateMembers()).isEqualTo(2);
    }

    @Test
    void thePublicSeesDecisionsFromTheNextWorkingDayAndReportsOnTheirDay() {
        WorkingDays calendar = new WorkingDays(book.bankHolidays());
        assertThat(Publication.publicFrom(decision("clpsb-2009-11-19-01"), calendar)).isEqualTo(day("2009-11-20"));
        assertThat(Publication.publicFrom(decision("tg-stronger-2010-04-01-01"), calendar)).isEqualTo(day("2010-04-06"));
        assertThat(Publication.publicFrom(decision("scrutiny-panel-2010-03-10-02"), calendar))
                .isEqualTo(day("2010-03-10"));
        Publication.Shown exempt = replay.service.decisionsLog(Actor.ANONYMOUS).stream()
                .filter(d -> d.id().equals("clpsb-2010-02-18-05")).findFirst().orElseThrow();
        assertThat(exempt.body()).isEqualTo("clpsb");
        assertThat(exempt.meeting()).isEqualTo(day("2010-02-18"));
        assertThat(exempt.kind()).isEqualTo(Terms.Kind.NOTED);
        assertThat(exempt.exempt()).contains(Decision.Exempt.LEGAL);
        assertThat(exempt.item()).isEmpty();
        assertThat(exempt.terms()).isEmpty();
    }

    @Test
    void theStrongerGroupsReviewIsRespondedAndTheOnlyGroupCovered() {
        var review = replay.store.review("srv-stronger-2010").orElseThrow();
        assertThat(review.scoped().on()).isEqualTo(day("2010-01-06"));
        assertThat(review.evidence()).extracting(e -> e.kind().name()).containsExactly("ORAL", "DATA", "VISIT");
        assertThat(review.evidence().get(0).on()).isEqualTo(day("2010-01-20"));
        assertThat(review.findings()).hasSize(2);
        assertThat(review.report().orElseThrow().on()).isEqualTo(day("2010-03-10"));
        assertThat(review.report().orElseThrow().recommendations()).hasSize(2);
        assertThat(replay.service.reviewState(replay.clerk, "srv-stronger-2010")).isEqualTo(ReviewState.RESPONDED);
        var safer = replay.store.review("srv-safer-2010").orElseThrow();
        assertThat(replay.service.reviewState(replay.clerk, "srv-safer-2010")).isEqualTo(ReviewState.GATHERING);
        assertThat(safer.evidence()).hasSize(1);
        assertThat(safer.findings()).isEmpty();
        Map<String, GovernanceService.Coverage> coverage = replay.service.coverage(replay.clerk).stream()
                .collect(Collectors.toMap(GovernanceService.Coverage::body, Function.identity()));
        assertThat(coverage.get("tg-stronger").covered()).isTrue();
        assertThat(coverage.get("tg-stronger").lastReportOn()).contains(day("2010-03-10"));
        assertThat(coverage.get("tg-jobs").covered()).isFalse();
        assertThat(coverage.get("tg-safer").covered()).isFalse();
    }

    private static List<String> section(String meeting) {
        return replay.service.governanceSection(replay.clerk, day(meeting)).rows().stream()
                .map(r -> r.position() + " " + r.kind() + " " + r.id() + " " + r.state()).toList();
    }

    @Test
    void theFebruaryPacksGovernanceSectionListsTenRowsLateOnesFirst() {
        assertThat(section("2010-02-18")).containsExactly(
                "1 ACTION clpsb-2009-11-19-01 IN_PROGRESS",
                "2 ACTION tg-safer-2009-12-03-01 IN_PROGRESS",
                "3 ACTION tg-jobs-2009-12-08-01 OPEN",
                "4 ACTION clpsb-2009-11-19-03-a1 OPEN",
                "5 ACTION tg-safer-2009-12-03-02-a1 OPEN",
                "6 ACTION clpsb-2009-11-19-02 COMPLETED",
                "7 RECOMMENDATION scrutiny-panel-2010-01-20-02 AWAITING_RESPONSE",
                "8 RECOMMENDATION clpsb-2009-11-19-03 IMPLEMENTING",
                "9 RECOMMENDATION tg-safer-2009-12-03-02 IMPLEMENTING",
                "10 RECOMMENDATION clpsb-2009-11-19-04 REJECTED");
        Standing asAt = new Standing(replay.store.actions(), new WorkingDays(book.bankHolidays()), day("2010-02-17"));
        assertThat(asAt.of(action("tg-safer-2009-12-03-01")).workingDaysOverdue()).isEqualTo(13);
    }

    @Test
    void theMayPacksGovernanceSectionListsSixteenRows() {
        List<String> may = section("2010-05-20");
        assertThat(may).hasSize(16);
        assertThat(may.subList(0, 4)).extracting(r -> r.split(" ")[2]).containsExactly("tg-safer-2009-12-03-01",
                "tg-safer-2009-12-03-02-a1", "srv-stronger-2010-r1-a1", "srv-stronger-2010-r2-a1");
        // Completed or dropped since 18 February, by id.
        assertThat(may.subList(4, 9)).extracting(r -> r.split(" ", 3)[2]).containsExactly(
                "clpsb-2009-11-19-01 COMPLETED", "clpsb-2009-11-19-03-a1 COMPLETED", "clpsb-2010-02-18-02 COMPLETED",
                "scrutiny-panel-2010-01-20-02-a1 COMPLETED", "tg-jobs-2009-12-08-01 DROPPED");
        assertThat(may.subList(9, 16)).extracting(r -> r.split(" ", 3)[2]).containsExactly(
                "clpsb-2010-02-18-04 RESPONSE_OVERDUE",
                "tg-stronger-2010-04-01-01 AWAITING_RESPONSE",
                "tg-safer-2009-12-03-02 IMPLEMENTATION_OVERDUE",
                "srv-stronger-2010-r1 IMPLEMENTING",
                "srv-stronger-2010-r2 IMPLEMENTING",
                "clpsb-2009-11-19-03 IMPLEMENTED",
                "scrutiny-panel-2010-01-20-02 IMPLEMENTED");
        Standing asAt = new Standing(replay.store.actions(), new WorkingDays(book.bankHolidays()), day("2010-05-19"));
        assertThat(asAt.of(action("tg-safer-2009-12-03-02-a1")).workingDaysOverdue()).isEqualTo(12);
        assertThat(replay.store.recommendation("clpsb-2010-02-18-04").orElseThrow()
                .workingDaysPastDue(day("2010-05-19"), new WorkingDays(book.bankHolidays()))).isEqualTo(21);
    }

    @Test
    void theSixEarlierBoardMeetingsHaveEmptySections() {
        for (String meeting : List.of("2008-08-21", "2008-11-20", "2009-02-19", "2009-05-21", "2009-08-20",
                "2009-11-19")) {
            assertThat(section(meeting)).as(meeting).isEmpty();
        }
    }
}
