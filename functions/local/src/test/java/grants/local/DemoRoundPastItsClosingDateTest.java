package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s second demo round lets a newcomer score, moderate, decide and publish today: it is past its
 * closing date with its proposals in, and the demo panel member's scores are still to come.
 */
class DemoRoundPastItsClosingDateTest {

    @TempDir
    Path scratch;

    @Test
    void theRoundWaitsForTheDemoPanelMembersScoresTodayAndIsSeededOnce() throws Exception {
        ReplayClock clock = new ReplayClock(LocalDate.now());
        try (LocalFunctions functions = LocalFunctions.inMemory(scratch, clock)) {
            DemoRoundPastItsClosingDate.seed(functions, clock, LocalFunctions.OPERATOR);
            clock.followTheSystemClock();

            JsonNode round = get(functions, "GET /rounds/{roundId}", Map.of(), LocalFunctions.OPERATOR);
            assertThat(round.path("stage").asText()).isEqualTo("SCORING");
            assertThat(LocalDate.parse(round.path("closingDate").asText())).isBefore(LocalDate.now());
            assertThat(get(functions, "GET /rounds/{roundId}/proposals", Map.of(), LocalFunctions.OPERATOR)
                    .path("proposals")).hasSize(13);

            Actor panelMember = ServeCommand.demoUsers("unused").stream().map(LocalSignIn.DemoUser::person)
                    .filter(person -> person.roles().contains(Role.PANEL_MEMBER)).findFirst().orElseThrow();
            assertThat(panelMember.programmes()).as("the demo panel member is bound to the round")
                    .contains(DemoRoundPastItsClosingDate.ROUND_ID);
            assertThat(call(functions, "PUT /rounds/{roundId}/declarations/{memberId}", Map.of("memberId", "u2"),
                    "{\"interests\": []}", panelMember).getStatusCode()).isEqualTo(200);
            APIGatewayV2HTTPResponse scored = call(functions, "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}",
                    Map.of("proposalId", "unemployment-pathways", "memberId", "u2"),
                    "{\"criteria\": {\"outcome-measures\": 4, \"evaluation\": 4, \"sustainability\": 5}}", panelMember);
            assertThat(scored.getStatusCode()).as(scored.getBody()).isLessThan(300);

            DemoRoundPastItsClosingDate.seed(functions, clock, LocalFunctions.OPERATOR);
            assertThat(get(functions, "GET /rounds/{roundId}", Map.of(), LocalFunctions.OPERATOR).path("stage").asText())
                    .as("a second serve on the same state leaves the round as people left it").isEqualTo("SCORING");
        }
    }

    private static JsonNode get(LocalFunctions functions, String routeKey, Map<String, String> path, Actor actor) {
        APIGatewayV2HTTPResponse response = call(functions, routeKey, path, null, actor);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.parse(response.getBody());
    }

    private static APIGatewayV2HTTPResponse call(LocalFunctions functions, String routeKey, Map<String, String> path,
                                                 String body, Actor actor) {
        Map<String, String> parameters = new java.util.HashMap<>(path);
        parameters.put("roundId", DemoRoundPastItsClosingDate.ROUND_ID);
        return functions.api(LocalFunctions.apiEvent(routeKey, parameters, null, body, Map.of(), actor));
    }
}
