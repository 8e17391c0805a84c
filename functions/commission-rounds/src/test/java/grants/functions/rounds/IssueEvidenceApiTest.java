package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.http.Identity;
import grants.localaws.LocalLambdaContext;
import grants.testing.SettableClock;
import grants.testing.TestRounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static org.assertj.core.api.Assertions.assertThat;

/** The evidence behind each issue reaches the board member who places the dots, and bad evidence is refused whole. */
class IssueEvidenceApiTest {

    private static final String ROUND = "coventry-commissioning-2002";
    private static final String STATISTIC = "Unemployment in the priority neighbourhoods is 9.2%, twice the city's rate";

    private final SettableClock clock = new SettableClock(Instant.parse("2002-01-01T09:00:00Z"));
    private CommissionRoundsHandler handler;

    @BeforeEach
    void handler() {
        handler = new CommissionRoundsHandler(RoundsOnTheEmulators.wiring(getClass(), clock).wiring());
    }

    @Test
    void aBoardMemberSeesEachIssuesStatisticsWithTheirSourceAndDay() {
        APIGatewayV2HTTPResponse setUp = call(manager(), RoundRoutes.PUT_ROUND, setUpWithEvidence());
        assertThat(setUp.getStatusCode()).as(setUp.getBody()).isEqualTo(200);

        APIGatewayV2HTTPResponse answer = call(person(Role.BOARD_MEMBER, "board-01"), RoundRoutes.GET_ROUND, null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        JsonNode unemployment = Json.parse(answer.getBody()).get("issues").get(0);
        assertThat(unemployment.get("surveyRank").asInt()).isEqualTo(1);
        assertThat(unemployment.get("evidence")).hasSize(1);
        assertThat(unemployment.get("evidence").get(0).get("statistic").asText()).isEqualTo(STATISTIC);
        assertThat(unemployment.get("evidence").get(0).get("source").asText()).isEqualTo("Census 2001");
        assertThat(unemployment.get("evidence").get(0).get("date").asText()).isEqualTo("2001-04-29");
    }

    @Test
    void aSetUpWithAnUnknownFieldInItsEvidenceIsRefusedNamingItAndNothingIsStored() {
        ObjectNode body = setUpWithEvidence();
        ((ObjectNode) body.get("issues").get(0).get("evidence").get(0)).put("link", "https://census.example");

        APIGatewayV2HTTPResponse refused = call(manager(), RoundRoutes.PUT_ROUND, body);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("\"field\":\"issues[0].evidence[0].link\"");
        assertThat(call(manager(), RoundRoutes.GET_ROUND, null).getStatusCode()).isEqualTo(404);
    }

    private static ObjectNode setUpWithEvidence() {
        ObjectNode body = Json.object();
        body.setAll(RoundDocuments.setup(TestRounds.coventry().setup()));
        ((ObjectNode) body.get("issues").get(0)).putArray("evidence").addObject().put("statistic", STATISTIC)
                .put("source", "Census 2001").put("date", "2001-04-29");
        return body;
    }

    private APIGatewayV2HTTPResponse call(Actor actor, String routeKey, JsonNode body) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(Map.of("roundId", ROUND)).withBody(body == null ? null : Json.write(body))
                .withRequestContext(Identity.verified(Identity.claimsOf(actor))).build();
        return handler.handleRequest(event, new LocalLambdaContext("CommissionRoundsFunction"));
    }
}
