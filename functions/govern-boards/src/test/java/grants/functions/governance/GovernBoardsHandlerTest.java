package grants.functions.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.audit.AuditEntry;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;
import grants.documents.governance.GovernanceCsv;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.testing.HandlerAnswer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.functions.governance.GovernanceOnTheEmulators.ANN;
import static grants.functions.governance.GovernanceOnTheEmulators.BOB;
import static grants.functions.governance.GovernanceOnTheEmulators.CHAIR;
import static grants.functions.governance.GovernanceOnTheEmulators.CLERK;
import static grants.functions.governance.GovernanceOnTheEmulators.MEETING;
import static grants.functions.governance.GovernanceOnTheEmulators.SAM;
import static grants.functions.governance.GovernanceOnTheEmulators.action;
import static grants.functions.governance.GovernanceOnTheEmulators.recommendation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * GovernBoards through its routes on the emulators: the clerk records the board meeting, a refusal
 * answers its G12 reason and changes nothing, documents are strict, an owner answers and acts, the
 * public reads the log from the next working day, scrutiny reviews, and the daily run escalates once,
 * queuing one email to the owner and the chair at their addresses.
 */
class GovernBoardsHandlerTest {

    private static final Map<String, String> AT_THE_BOARD = Map.of("bodyId", "board", "meetingDate",
            MEETING.toString());

    private GovernanceOnTheEmulators stack;

    @BeforeEach
    void theBodiesSetUpAndMetOnTheEighth() {
        stack = new GovernanceOnTheEmulators(GovernBoardsHandlerTest.class);
    }

    private HandlerAnswer decide(String body) {
        return stack.call(CLERK, GovernRoutes.DECIDE, Map.of(), body);
    }

    @Test
    void theClerkRecordsTheBoardMeetingWithItsExceptionsQuorumAndRefusalsThatChangeNothing() {
        JsonNode exceptions = stack.call(ANN, GovernRoutes.EXCEPTIONS, Map.of("meetingDate", MEETING.toString()), null)
                .body();
        assertThat(exceptions.path("exceptions").get(0).path("reference").asText()).isEqualTo("NI 152");
        assertThat(exceptions.path("exceptions").get(0).path("decided").asBoolean()).isFalse();
        assertThat(exceptions.path("undecided").toString()).isEqualTo("[\"ni-152\"]");

        // Ann declares an interest: with the observer never counting, one voting member is left of the two needed.
        JsonNode quorum = GovernanceOnTheEmulators.call(stack.handler, CHAIR, GovernRoutes.QUORUM, AT_THE_BOARD,
                Map.of("declared", "ann"), null).body();
        assertThat(quorum.path("counted").asInt()).isEqualTo(1);
        assertThat(quorum.path("needed").asInt()).isEqualTo(2);
        assertThat(quorum.path("quorate").asBoolean()).isFalse();
        List<String> before = stack.recordedActions();

        HandlerAnswer inquorate = decide(action("board-1", MEETING.plusDays(14))
                .replace("\"about\"", "\"declared\": [\"ann\"], \"about\""));
        HandlerAnswer byTheChair = stack.call(CHAIR, GovernRoutes.DECIDE, Map.of(),
                action("board-1", MEETING.plusDays(14)));
        HandlerAnswer advisory = decide(action("panel-1", MEETING.plusDays(14))
                .replace("\"board\"", "\"panel\""));
        HandlerAnswer bodyByTheChair = stack.call(CHAIR, GovernRoutes.BODY,
                Map.of("bodyId", "board"), GovernanceOnTheEmulators.BOARD);

        assertThat(inquorate.status()).isEqualTo(409);
        assertThat(inquorate.code()).isEqualTo("INQUORATE");
        assertThat(byTheChair.status()).isEqualTo(403);
        assertThat(byTheChair.code()).isEqualTo("NOT_ALLOWED");
        assertThat(byTheChair.body().path("error").path("subject").asText()).isEqualTo("board-1");
        assertThat(advisory.status()).isEqualTo(409);
        assertThat(advisory.code()).isEqualTo("ADVISORY");
        assertThat(bodyByTheChair.status()).isEqualTo(403);
        assertThat(bodyByTheChair.code()).isEqualTo("NOT_ALLOWED");
        assertThat(stack.recordedActions()).as("nothing changed").isEqualTo(before);

        HandlerAnswer decided = decide(action("board-1", MEETING.plusDays(14)));
        assertThat(decided.status()).isEqualTo(201);
        assertThat(decided.body().path("quorum").path("counted").asInt()).isEqualTo(2);
        assertThat(stack.call(ANN, GovernRoutes.EXCEPTIONS, Map.of("meetingDate", MEETING.toString()), null).body()
                .path("exceptions").get(0).path("decided").asBoolean()).isTrue();
        assertThat(stack.recordedActions()).endsWith("DECISION_RECORDED");
    }

    @Test
    void aDocumentWithUnknownOrMissingFieldsIsRefusedNamingEachAndChangesNothing() {
        List<String> before = stack.recordedActions();
        HandlerAnswer misspelt = decide("""
                {"id": "board-1", "bodyy": "board", "terms": {"kind": "ACTION", "to": "bob", "due": "8 Feb"}}""");
        HandlerAnswer noMembers = stack.call(CLERK, GovernRoutes.BODY, Map.of("bodyId", "x"),
                "{\"name\": \"X\", \"kind\": \"BOARDROOM\", \"decisionMaking\": true, \"quorum\": 1.5}");

        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.fields()).containsExactlyInAnyOrder("bodyy", "body", "item", "terms.to", "terms.owner",
                "terms.due");
        assertThat(noMembers.status()).isEqualTo(400);
        assertThat(noMembers.fields()).containsExactlyInAnyOrder("kind", "quorum", "members");
        assertThat(stack.recordedActions()).isEqualTo(before);
    }

    @Test
    void theOwnerSeesTheirWorkUpdatesAnswersAndCompletesAndNobodyElseMay() {
        decide(action("board-1", LocalDate.of(2026, 1, 16)));
        decide(recommendation("board-2"));
        stack.on(LocalDate.of(2026, 2, 2));

        HandlerAnswer annUpdates = stack.call(ANN, GovernRoutes.UPDATE,
                Map.of("actionId", "board-1"), "{\"text\": \"not mine\"}");
        assertThat(annUpdates.status()).isEqualTo(403);
        assertThat(annUpdates.code()).isEqualTo("NOT_ALLOWED");
        assertThat(stack.call(BOB, GovernRoutes.UPDATE, Map.of("actionId", "board-1"), "{\"text\": \"started\"}")
                .status()).isEqualTo(201);

        JsonNode work = stack.call(BOB, GovernRoutes.MY_WORK).body();
        assertThat(work.path("actions").get(0).path("words").asText())
                .isEqualTo("Due 16 January 2026, 11 working days overdue, in progress");
        assertThat(work.path("recommendations").get(0).path("words").asText()).isEqualTo("Answer due 5 March 2026");

        HandlerAnswer notSmart = stack.call(BOB, GovernRoutes.ANSWER,
                Map.of("recommendationId", "board-2"), "{\"answer\": \"ACCEPTED\"}");
        assertThat(notSmart.status()).isEqualTo(409);
        assertThat(notSmart.code()).isEqualTo("NOT_SMART");
        HandlerAnswer answered = stack.call(BOB, GovernRoutes.ANSWER,
                Map.of("recommendationId", "board-2"), """
                        {"answer": "ACCEPTED", "actions": [{"id": "board-2-a1", "due": "2026-03-31",
                         "criterion": "three job clubs running"}]}""");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().path("response").path("actions").toString()).isEqualTo("[\"board-2-a1\"]");

        HandlerAnswer noEvidence = stack.call(BOB, GovernRoutes.COMPLETE,
                Map.of("actionId", "board-1"), "{}");
        assertThat(noEvidence.code()).isEqualTo("NO_EVIDENCE");
        assertThat(stack.call(BOB, GovernRoutes.COMPLETE, Map.of("actionId", "board-1"),
                "{\"evidence\": \"the plan, minuted\"}").body().path("completed").path("words").asText())
                .isEqualTo("the plan, minuted");
        assertThat(stack.call(BOB, GovernRoutes.MY_WORK).body().path("actions").findValuesAsText("words"))
                .contains("Due 16 January 2026, completed on 2 February 2026, 11 working days late");
        assertThat(stack.recordedActions()).endsWith("ACTION_UPDATED", "RECOMMENDATION_ANSWERED", "ACTION_COMPLETED");
    }

    @Test
    void aRequestSentAgainWithItsIdempotencyKeyIsAnsweredWithWhatItMadeAndChangesNothing() {
        HandlerAnswer first = stack.callWithKey(CLERK, GovernRoutes.DECIDE, Map.of(),
                action("board-1", MEETING.plusDays(14)), "decide-1");
        HandlerAnswer again = stack.callWithKey(CLERK, GovernRoutes.DECIDE, Map.of(),
                action("board-1", MEETING.plusDays(14)), "decide-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());

        stack.on(MEETING.plusDays(1));
        Map<String, String> board1 = Map.of("actionId", "board-1");
        stack.callWithKey(BOB, GovernRoutes.UPDATE, board1, "{\"text\": \"started\"}", "update-1");
        HandlerAnswer retried = stack.callWithKey(BOB, GovernRoutes.UPDATE, board1,
                "{\"text\": \"started\"}", "update-1");
        HandlerAnswer reused = stack.callWithKey(BOB, GovernRoutes.UPDATE, board1,
                "{\"text\": \"something else\"}", "update-1");

        assertThat(retried.body().path("updates")).as("recorded once").hasSize(1);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(stack.recordedActions()).filteredOn("ACTION_UPDATED"::equals).hasSize(1);
        assertThat(stack.recordedActions()).filteredOn("DECISION_RECORDED"::equals).hasSize(1);
    }

    @Test
    void thePublicReadsTheLogWithoutSigningInFromTheNextWorkingDayAndNoMoreOfAnExemptItem() {
        decide(action("board-1", MEETING.plusDays(14)));
        decide(recommendation("board-2").replace("\"about\"", "\"exempt\": \"COMMERCIAL\", \"about\""));

        assertThat(stack.call(null, GovernRoutes.PUBLIC_LOG).body().path("decisions")).as("on the day").isEmpty();
        assertThat(stack.call(null, GovernRoutes.LOG).status()).as("the partners' log needs signing in").isEqualTo(401);
        assertThat(stack.call(ANN, GovernRoutes.LOG).body().path("decisions").get(1).path("item").asText())
                .isEqualTo("Advice");

        stack.on(MEETING.plusDays(1));
        JsonNode published = stack.call(null, GovernRoutes.PUBLIC_LOG).body().path("decisions");
        assertThat(published).hasSize(2);
        assertThat(published.get(0).path("terms").path("owner").asText()).isEqualTo("bob");
        assertThat(published.get(1).path("exempt").asText()).isEqualTo("COMMERCIAL");
        assertThat(published.get(1).path("item").isNull()).isTrue();
        assertThat(published.get(1).path("terms").isNull()).isTrue();
        assertThat(published.get(1).path("publicFrom").asText()).isEqualTo("2026-01-09");
    }

    @Test
    void theOpenDataHasOnlyWhatThePublicMaySeeAnExemptDecisionReducedAndNothingOnTheDayOfItsMeeting() {
        decide(action("board-1", MEETING.plusDays(14)));
        decide(recommendation("board-2").replace("\"about\"", "\"exempt\": \"COMMERCIAL\", \"about\""));

        assertThat(openData(GovernanceOpenData.DECISIONS_CSV)).as("on the day of the meeting")
                .containsExactly(GovernanceCsv.DECISIONS_HEADER);
        assertThat(openData(GovernanceOpenData.ACTIONS_CSV)).containsExactly(GovernanceCsv.ACTIONS_HEADER);
        assertThat(openData(GovernanceOpenData.RECOMMENDATIONS_CSV)).containsExactly(GovernanceCsv.RECOMMENDATIONS_HEADER);

        stack.on(MEETING.plusDays(1)); // Friday 9 January 2026, the next working day
        List<String> decisions = openData(GovernanceOpenData.DECISIONS_CSV);
        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(1)).startsWith("board-1,board,2026-01-08,ACTION,ni-152,,").endsWith(",2026-01-09");
        assertThat(decisions.get(2)).as("exempt: its body, meeting, kind and that it is exempt, not what it is about")
                .isEqualTo("board-2,board,2026-01-08,RECOMMENDATION,,COMMERCIAL,,,2026-01-09");
        assertThat(openData(GovernanceOpenData.ACTIONS_CSV)).containsExactly(GovernanceCsv.ACTIONS_HEADER,
                "board-1,board-1,bob,2026-01-22,2026-01-22,OPEN,false,0,,,0");
        assertThat(openData(GovernanceOpenData.RECOMMENDATIONS_CSV)).as("the exempt decision's recommendation is kept back")
                .containsExactly(GovernanceCsv.RECOMMENDATIONS_HEADER);
    }

    /** An open data file as anyone downloads it, without signing in: its lines. */
    private List<String> openData(String route) {
        HandlerAnswer answer = stack.call(null, route);
        assertThat(answer.status()).as(route).isEqualTo(200);
        return answer.body().asText().lines().toList();
    }

    @Test
    void scrutinyScopesAReviewRecordsEvidenceAndFindingsThatCiteIt() {
        HandlerAnswer scoped = stack.call(SAM, GovernRoutes.SCOPE, Map.of(),
                "{\"id\": \"rv-1\", \"body\": \"housing\", \"indicators\": [\"ni-152\"]}");
        assertThat(scoped.status()).isEqualTo(201);
        assertThat(scoped.body().path("state").asText()).isEqualTo("SCOPED");
        HandlerAnswer notScrutiny = stack.call(BOB, GovernRoutes.EVIDENCE,
                Map.of("reviewId", "rv-1"), "{\"id\": \"ev-1\", \"kind\": \"ORAL\", \"summary\": \"said so\"}");
        assertThat(notScrutiny.status()).isEqualTo(403);
        assertThat(notScrutiny.code()).isEqualTo("NOT_ALLOWED");
        assertThat(stack.call(SAM, GovernRoutes.EVIDENCE, Map.of("reviewId", "rv-1"),
                "{\"id\": \"ev-1\", \"kind\": \"VISIT\", \"summary\": \"visited the job club\"}").body()
                .path("state").asText()).isEqualTo("GATHERING");
        HandlerAnswer uncited = stack.call(SAM, GovernRoutes.FINDING, Map.of("reviewId", "rv-1"),
                "{\"id\": \"f-1\", \"text\": \"too few places\"}");
        assertThat(uncited.code()).isEqualTo("NO_EVIDENCE");
        JsonNode found = stack.call(SAM, GovernRoutes.FINDING, Map.of("reviewId", "rv-1"),
                "{\"id\": \"f-1\", \"text\": \"too few places\", \"evidence\": [\"ev-1\"]}").body();
        assertThat(found.path("findings").get(0).path("evidence").toString()).isEqualTo("[\"ev-1\"]");
        JsonNode coverage = stack.call(ANN, GovernRoutes.COVERAGE).body().path("groups");
        assertThat(coverage.get(0).path("body").asText()).isEqualTo("housing");
        assertThat(coverage.get(0).path("covered").asBoolean()).as("no report agreed yet").isFalse();
    }

    /** What the console reads: the bodies with their meetings, a meeting with its decisions, a review, and where everything stands. */
    @Test
    void theConsoleReadsTheBodiesAMeetingAReviewAndWhereEverythingStandsInWords() {
        decide(action("board-1", LocalDate.of(2026, 1, 16)));
        decide(recommendation("board-2"));
        stack.on(LocalDate.of(2026, 2, 2));
        stack.call(SAM, GovernRoutes.SCOPE, Map.of(), "{\"id\": \"rv-1\", \"body\": \"housing\", \"indicators\": [\"ni-152\"]}");

        JsonNode bodies = stack.call(ANN, GovernRoutes.BODIES).body().path("bodies");
        assertThat(bodies.findValuesAsText("id")).as("the board, the theme groups, then scrutiny")
                .containsExactly("board", "housing", "panel");
        assertThat(bodies.get(0).path("meetings").toString()).isEqualTo("[\"2026-01-08\"]");

        JsonNode meeting = stack.call(ANN, GovernRoutes.MEETING_READ, AT_THE_BOARD, null).body();
        assertThat(meeting.path("of").path("name").asText()).isEqualTo("The board");
        assertThat(meeting.path("quorum").path("voting").toString()).as("the observer never counts")
                .isEqualTo("[\"ann\",\"chair\"]");
        assertThat(meeting.path("decisions").findValuesAsText("id")).containsExactly("board-1", "board-2");

        JsonNode standing = stack.call(ANN, GovernRoutes.STANDING).body();
        assertThat(standing.path("actions").get(0).path("words").asText())
                .isEqualTo("Due 16 January 2026, 11 working days overdue, not started");
        assertThat(standing.path("recommendations").get(0).path("words").asText()).isEqualTo("Answer due 5 March 2026");

        JsonNode review = stack.call(ANN, GovernRoutes.REVIEW, Map.of("reviewId", "rv-1"), null).body();
        assertThat(review.path("state").asText()).isEqualTo("SCOPED");
        assertThat(stack.call(ANN, GovernRoutes.REVIEWS).body().path("reviews").findValuesAsText("id")).containsExactly("rv-1");
        assertThat(stack.call(ANN, GovernRoutes.REVIEW, Map.of("reviewId", "rv-9"), null).status()).isEqualTo(404);
        assertThat(stack.call(ANN, GovernRoutes.MEETING_READ, Map.of("bodyId", "board", "meetingDate", "2026-01-09"),
                null).status()).isEqualTo(404);
    }

    @Test
    void theDailyRunEscalatesAnOverdueActionOnceAndCatchesUpAfterAMissedDay() {
        decide(action("board-1", LocalDate.of(2026, 1, 22)));
        DailyEscalationRunHandler daily = new DailyEscalationRunHandler(stack.wiring);
        stack.atSevenOn(LocalDate.of(2026, 2, 19));
        assertThat(daily.handleRequest(Map.of(), null)).as("19 working days overdue at the end of the 18th")
                .isEqualTo("daily escalation run: 0 action(s) escalated");
        // The runs of the 20th and 23rd were missed: the 24th's catches up, once.
        List<String> runs = new ArrayList<>();
        stack.atSevenOn(LocalDate.of(2026, 2, 24));
        runs.add(daily.handleRequest(Map.of(), null));
        runs.add(daily.handleRequest(Map.of(), null));
        stack.atSevenOn(LocalDate.of(2026, 2, 25));
        runs.add(daily.handleRequest(Map.of(), null));
        assertThat(runs).containsExactly("daily escalation run: 1 action(s) escalated",
                "daily escalation run: 0 action(s) escalated", "daily escalation run: 0 action(s) escalated");
        assertThat(stack.recordedActions()).filteredOn("ACTION_ESCALATED"::equals).hasSize(1);
        assertThat(stack.call(BOB, GovernRoutes.MY_WORK).body().path("actions").get(0).path("escalatedOn").asText())
                .isEqualTo("2026-02-24");
    }

    @Test
    void theDailyRunEmailsTheOwnerAndTheChairOnceAndNamesWhoHasNoAddress() {
        // Bob (the owner) has an address in the register's people; the chair is given one; Ann has none.
        new ReportingService(new DynamoReportingStore(stack.wiring.table(), stack.wiring.auditTable()),
                ContributingAgreement.Source.NONE, stack.clock).savePerson(CLERK, GovernanceOnTheEmulators.REGISTER,
                new Person("chair", "Chris Chair", "chair@coventry.example", Person.Kind.BOARD));
        decide(action("board-1", LocalDate.of(2026, 1, 22)));
        decide(action("board-3", LocalDate.of(2026, 1, 22)).replace("\"owner\": \"bob\"", "\"owner\": \"ann\""));
        DailyEscalationRunHandler daily = new DailyEscalationRunHandler(stack.wiring);
        DynamoNoticeStore notices = stack.wiring.notices();

        stack.atSevenOn(LocalDate.of(2026, 2, 20));
        assertThat(daily.handleRequest(Map.of(), null)).isEqualTo("daily escalation run: 2 action(s) escalated");
        stack.atSevenOn(LocalDate.of(2026, 2, 23));
        assertThat(daily.handleRequest(Map.of(), null)).isEqualTo("daily escalation run: 0 action(s) escalated");

        assertThat(notices.withPrefix(GovernanceOnTheEmulators.REGISTER, Notice.REMINDER_KEY))
                .as("one email per escalation, queued once").hasSize(2)
                .allSatisfy(notice -> assertThat(notice.kind()).isEqualTo(NoticeKind.REMINDER))
                .extracting(Notice::key, Notice::recipients).containsExactlyInAnyOrder(
                        tuple("reminder/escalation/coventry-laa/board-1", List.of("bob@coventry.example",
                                "chair@coventry.example")),
                        tuple("reminder/escalation/coventry-laa/board-3", List.of("chair@coventry.example")));
        assertThat(new DynamoAuditTrail(stack.wiring.auditTable()).page(GovernanceOnTheEmulators.REGISTER,
                Optional.empty(), 100).entries()).filteredOn(e -> e.action().equals("ACTION_ESCALATED"))
                .extracting(AuditEntry::after).containsExactlyInAnyOrder(
                        "escalated on 2026-02-20, 20 working days overdue (due 2026-01-22); emailed bob, chair",
                        "escalated on 2026-02-20, 20 working days overdue (due 2026-01-22); emailed chair; "
                                + "no address for ann");
    }
}
