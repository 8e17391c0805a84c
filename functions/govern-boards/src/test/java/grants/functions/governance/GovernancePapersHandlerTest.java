package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Meeting;
import grants.core.reporting.Period;
import grants.core.reporting.ReportingService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static grants.functions.governance.GovernanceOnTheEmulators.ANN;
import static grants.functions.governance.GovernanceOnTheEmulators.BOB;
import static grants.functions.governance.GovernanceOnTheEmulators.CLERK;
import static grants.functions.governance.GovernanceOnTheEmulators.MEETING;
import static grants.functions.governance.GovernanceOnTheEmulators.REGISTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting's papers and the public log through GovernBoards on the emulators: on Thursday 8 January
 * 2026 the board decides Bob's action (due 22 January) and a recommendation to him about NI 152, its
 * exception; the public sees them from Friday 9 January; the next board meeting, 5 February, prints
 * its pack with NI 152's card and then the governance section; the January minutes say the exception
 * was decided, with each item's quorum.
 */
class GovernancePapersHandlerTest {

    private static final LocalDate FRIDAY = MEETING.plusDays(1);
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 5);

    private static GovernanceOnTheEmulators stack;

    @BeforeAll
    static void theBoardDecidesOnTheEighthAndMeetsAgainInFebruary() {
        stack = new GovernanceOnTheEmulators(GovernancePapersHandlerTest.class);
        assertThat(stack.call(CLERK, GovernRoutes.DECIDE, Map.of(),
                GovernanceOnTheEmulators.action("board-1", LocalDate.of(2026, 1, 22))).status()).isEqualTo(201);
        assertThat(stack.call(CLERK, GovernRoutes.DECIDE, Map.of(),
                GovernanceOnTheEmulators.recommendation("board-2")).status()).isEqualTo(201);
        new ReportingService(new DynamoReportingStore(stack.wiring.table(), stack.wiring.auditTable()),
                ContributingAgreement.Source.NONE, stack.clock)
                .addMeeting(CLERK, REGISTER, new Meeting(FEBRUARY, Period.parse("2025-26 Q3")));
        stack.on(FEBRUARY);
        assertThat(stack.call(CLERK, GovernRoutes.MEETING, Map.of("bodyId", "board", "meetingDate",
                FEBRUARY.toString()), "{\"present\": [\"chair\", \"ann\"]}").status()).isEqualTo(200);
    }

    @Test
    void thePublicSeesTheDecisionsWithTheirActionAndRecommendationFromTheNextWorkingDayWithoutSigningIn() {
        stack.on(MEETING);
        JsonNode onTheDay = stack.call(null, GovernRoutes.PUBLIC_LOG).body();
        assertThat(onTheDay.path("decisions")).isEmpty();
        assertThat(onTheDay.path("actions")).isEmpty();
        assertThat(onTheDay.path("recommendations")).isEmpty();

        stack.on(FRIDAY);
        JsonNode next = stack.call(null, GovernRoutes.PUBLIC_LOG).body();
        assertThat(next.path("decisions")).hasSize(2);
        JsonNode action = next.path("actions").get(0);
        assertThat(action.path("id").asText()).isEqualTo("board-1");
        assertThat(action.path("ownerName").asText()).isEqualTo("Bob Owner");
        assertThat(action.path("words").asText()).isEqualTo("Due 22 January 2026, not started");
        assertThat(action.path("publicFrom").asText()).isEqualTo(FRIDAY.toString());
        assertThat(action.has("updates")).as("an owner's updates are not the public's").isFalse();
        JsonNode recommendation = next.path("recommendations").get(0);
        assertThat(recommendation.path("text").asText()).isEqualTo("Work with the job centres");
        assertThat(recommendation.path("answer").isNull()).isTrue();
    }

    @Test
    void aBrowserOpeningTheBoardPackGetsReportingsPackThenTheGovernanceSectionInOnePage() {
        stack.on(FEBRUARY);
        APIGatewayV2HTTPResponse page = stack.page(ANN, GovernRoutes.PACK, Map.of("meetingDate", FEBRUARY.toString()));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("content-type")).isEqualTo("text/html; charset=utf-8");
        String html = page.getBody();
        assertThat(html).contains("<title>Board pack for the meeting of 5 February 2026</title>")
                .contains("id=\"card-ni-152\"").contains("href=\"#governance\"");
        assertThat(html.indexOf("id=\"governance\"")).as("the section follows the cards")
                .isGreaterThan(html.indexOf("id=\"card-ni-152\""));
        // 23 January, 26 to 30 January, 2 to 4 February: 9 working days after its due date.
        assertThat(html).contains("Due 22 January 2026, 9 working days overdue, not started").contains("Bob Owner");

        JsonNode json = stack.call(ANN, GovernRoutes.PACK, Map.of("meetingDate", FEBRUARY.toString()), null).body();
        assertThat(json.path("asAt").asText()).isEqualTo("2026-02-04");
        assertThat(json.path("actions").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(json.path("recommendations").get(0).path("words").asText()).startsWith("Answer due");
    }

    @Test
    void theMinutesSayTheExceptionWasDecidedAndEachItemsQuorum() {
        stack.on(FEBRUARY);
        Map<String, String> january = Map.of("bodyId", "board", "meetingDate", MEETING.toString());
        String html = stack.page(BOB, GovernRoutes.MINUTES, january).getBody();

        assertThat(html).contains("<h1>Minutes of The board, 8 January 2026</h1>")
                .contains("1 of 1 exception in the board pack decided")
                .contains("2 of 2 voting members counted, 2 needed");
        JsonNode json = stack.call(BOB, GovernRoutes.MINUTES, january, null).body();
        assertThat(json.path("exceptions").path("decided").asInt()).isEqualTo(1);
        assertThat(json.path("decisions")).extracting(d -> d.path("id").asText()).containsExactly("board-1", "board-2");
    }
}
