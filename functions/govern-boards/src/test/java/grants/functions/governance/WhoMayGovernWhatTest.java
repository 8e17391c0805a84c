package grants.functions.governance;

import grants.core.access.Actor;
import grants.testing.HandlerAnswer;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static grants.functions.governance.GovernanceOnTheEmulators.ANN;
import static grants.functions.governance.GovernanceOnTheEmulators.BOB;
import static grants.functions.governance.GovernanceOnTheEmulators.CHAIR;
import static grants.functions.governance.GovernanceOnTheEmulators.CLERK;
import static grants.functions.governance.GovernanceOnTheEmulators.ELSEWHERE;
import static grants.functions.governance.GovernanceOnTheEmulators.MEETING;
import static grants.functions.governance.GovernanceOnTheEmulators.OBSERVER;
import static grants.functions.governance.GovernanceOnTheEmulators.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of GovernBoards, called by every role: the clerk, the board's chair, a member and an
 * observer, an action's owner (Bob, to whom the recommendation is also made), a scrutiny member, and a
 * manager of another register; allowed where "Who may do what" says (a 400 or 409 for the sample's
 * state is still allowed), else 403. The public reads the published log and its open data (the
 * decisions, actions and recommendations as CSV files) without signing in, and nothing else.
 */
class WhoMayGovernWhatTest {

    private static final List<Actor> EVERYONE = List.of(CLERK, CHAIR, ANN, OBSERVER, BOB, SAM, ELSEWHERE);
    /** Every partner bound to the register reads governance. */
    private static final Set<Actor> BOUND = Set.of(CLERK, CHAIR, ANN, OBSERVER, BOB, SAM);

    /** Each route, its sample request (path and body) and who may call it. */
    private record Sample(Map<String, String> path, String body, Set<Actor> allowed) {
    }

    private static final Map<String, String> AT_THE_BOARD = Map.of("bodyId", "board", "meetingDate",
            MEETING.toString());

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry(GovernRoutes.BODY, new Sample(Map.of("bodyId", "board"), GovernanceOnTheEmulators.BOARD,
                    Set.of(CLERK))),
            Map.entry(GovernRoutes.MEETING, new Sample(AT_THE_BOARD, "{\"present\": [\"chair\", \"ann\", \"obs\"]}",
                    Set.of(CLERK))),
            Map.entry(GovernRoutes.QUORUM, new Sample(AT_THE_BOARD, null, BOUND)),
            Map.entry(GovernRoutes.EXCEPTIONS, new Sample(Map.of("meetingDate", MEETING.toString()), null, BOUND)),
            Map.entry(GovernRoutes.DECIDE, new Sample(Map.of(), GovernanceOnTheEmulators.action("board-9",
                    MEETING.plusDays(30)), Set.of(CLERK))),
            // Anyone signed in reads the log; someone bound elsewhere reads what the public does (G11).
            Map.entry(GovernRoutes.LOG, new Sample(Map.of(), null, Set.copyOf(EVERYONE))),
            Map.entry(GovernRoutes.UPDATE, new Sample(Map.of("actionId", "board-1"), "{\"text\": \"started\"}",
                    Set.of(BOB))),
            Map.entry(GovernRoutes.COMPLETE, new Sample(Map.of("actionId", "board-1"), "{\"evidence\": \"a plan\"}",
                    Set.of(BOB))),
            Map.entry(GovernRoutes.ANSWER, new Sample(Map.of("recommendationId", "board-2"),
                    "{\"answer\": \"REJECTED\", \"reason\": \"no money this year\"}", Set.of(BOB))),
            Map.entry(GovernRoutes.MY_WORK, new Sample(Map.of(), null, BOUND)),
            Map.entry(GovernRoutes.SCOPE, new Sample(Map.of(),
                    "{\"id\": \"rv-2\", \"body\": \"housing\", \"indicators\": [\"ni-152\"]}", Set.of(CLERK, SAM))),
            Map.entry(GovernRoutes.EVIDENCE, new Sample(Map.of("reviewId", "rv-1"),
                    "{\"id\": \"ev-9\", \"kind\": \"DATA\", \"summary\": \"the figures\"}", Set.of(CLERK, SAM))),
            Map.entry(GovernRoutes.FINDING, new Sample(Map.of("reviewId", "rv-1"),
                    "{\"id\": \"f-9\", \"text\": \"too few places\", \"evidence\": [\"ev-1\"]}", Set.of(CLERK, SAM))),
            Map.entry(GovernRoutes.COVERAGE, new Sample(Map.of(), null, BOUND)),
            Map.entry(GovernRoutes.PUBLIC_LOG, new Sample(Map.of(), null, Set.copyOf(EVERYONE))),
            // A meeting's papers are the partners': someone bound elsewhere, and the public, read neither.
            Map.entry(GovernRoutes.PACK, new Sample(Map.of("meetingDate", MEETING.toString()), null, BOUND)),
            Map.entry(GovernRoutes.MINUTES, new Sample(AT_THE_BOARD, null, BOUND)),
            // Open data: anyone, signed in or not (G11).
            Map.entry(GovernanceOpenData.DECISIONS_CSV, new Sample(Map.of(), null, Set.copyOf(EVERYONE))),
            Map.entry(GovernanceOpenData.ACTIONS_CSV, new Sample(Map.of(), null, Set.copyOf(EVERYONE))),
            Map.entry(GovernanceOpenData.RECOMMENDATIONS_CSV, new Sample(Map.of(), null, Set.copyOf(EVERYONE))),
            // The console's reads: every partner bound to the register, nobody else.
            Map.entry(GovernRoutes.BODIES, new Sample(Map.of(), null, BOUND)),
            Map.entry(GovernRoutes.MEETING_READ, new Sample(AT_THE_BOARD, null, BOUND)),
            Map.entry(GovernRoutes.REVIEWS, new Sample(Map.of(), null, BOUND)),
            Map.entry(GovernRoutes.REVIEW, new Sample(Map.of("reviewId", "rv-1"), null, BOUND)),
            Map.entry(GovernRoutes.STANDING, new Sample(Map.of(), null, BOUND)));

    private static GovernanceOnTheEmulators stack;

    /** Bob's action and recommendation decided at the board, and a review with evidence, on the eighth. */
    @BeforeAll
    static void theBoardHasDecidedAndScrutinyHasAReview() {
        stack = new GovernanceOnTheEmulators(WhoMayGovernWhatTest.class);
        for (String body : List.of(GovernanceOnTheEmulators.action("board-1", MEETING.plusDays(14)),
                GovernanceOnTheEmulators.recommendation("board-2"))) {
            assertThat(stack.call(CLERK, GovernRoutes.DECIDE, Map.of(), body).status()).isEqualTo(201);
        }
        assertThat(stack.call(SAM, GovernRoutes.SCOPE, Map.of(),
                "{\"id\": \"rv-1\", \"body\": \"housing\", \"indicators\": [\"ni-152\"]}").status()).isEqualTo(201);
        assertThat(stack.call(SAM, GovernRoutes.EVIDENCE, Map.of("reviewId", "rv-1"),
                "{\"id\": \"ev-1\", \"kind\": \"ORAL\", \"summary\": \"the chair's account\"}").status()).isEqualTo(201);
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(GovernBoardsHandler.ROUTES);
    }

    /** Each route's sample sent as each person: allowed (anything but 401 and 403), or refused with a 403. */
    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String route, String who, boolean allowed) {
        Sample sample = SAMPLES.get(route);
        stack.on(MEETING);
        int status = stack.call(RouteMatrix.byEmail(EVERYONE, who), route, sample.path(), sample.body()).status();
        RouteMatrix.expect(route + " by " + who, status, allowed);
    }

    static Stream<Arguments> cases() {
        Map<String, Set<Actor>> allowed = new java.util.HashMap<>();
        SAMPLES.forEach((route, sample) -> allowed.put(route, sample.allowed()));
        return RouteMatrix.everyRouteByEveryone(allowed, EVERYONE);
    }

    @Test
    void nobodySignedInReadsOnlyThePublishedLog() {
        stack.on(MEETING.plusDays(1));
        for (Map.Entry<String, Sample> route : SAMPLES.entrySet()) {
            int status = stack.call(null, route.getKey(), route.getValue().path(), route.getValue().body()).status();
            if (GovernBoardsHandler.PUBLIC_ROUTES.contains(route.getKey())) {
                assertThat(status).as(route.getKey()).isEqualTo(200);
            } else {
                assertThat(status).as(route.getKey() + " without signing in").isEqualTo(401);
            }
        }
    }

    @Test
    void someoneBoundElsewhereReadsOfTheLogWhatThePublicReads() {
        stack.on(MEETING);
        assertThat(stack.call(ELSEWHERE, GovernRoutes.LOG).body().path("decisions")).as("on the day").isEmpty();
        assertThat(stack.call(ANN, GovernRoutes.LOG).body().path("decisions")).isNotEmpty();
    }

    @Test
    void aRefusalNamesItsReasonAndSubjectAndChangesNothing() {
        stack.on(LocalDate.of(2026, 1, 12));
        List<String> before = stack.recordedActions();
        HandlerAnswer answer = stack.call(ANN, GovernRoutes.ANSWER,
                Map.of("recommendationId", "board-2"), "{\"answer\": \"REJECTED\", \"reason\": \"not mine\"}");
        HandlerAnswer elsewhere = stack.call(ELSEWHERE, GovernRoutes.BODY,
                Map.of("bodyId", "board"), GovernanceOnTheEmulators.BOARD);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("NOT_ALLOWED");
        assertThat(answer.body().path("error").path("subject").asText()).isEqualTo("board-2");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.code()).as("a manager of another register is not this one's clerk").isEqualTo("NOT_ALLOWED");
        assertThat(stack.recordedActions()).isEqualTo(before);
    }
}
