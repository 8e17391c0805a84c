package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.commissioning.Proposal;
import grants.documents.Json;
import grants.testing.SettableClock;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions come a page at a time, as a run's rows do ({@code ?limit=}, {@code ?after=} the
 * page's {@code next}), so the answer stays under Lambda's 6 MB however many proposals a round has.
 */
class DecisionPagesTest {

    private final SettableClock clock = RoundSteps.roundsClock();
    private final RoundSteps steps = RoundSteps.decided(getClass(), clock);
    private final List<String> proposals = TestRounds.coventry().proposals().stream().map(Proposal::id).toList();

    @Test
    void twoPagesGiveEveryDecisionOnceWithTheRoundsTotalsOnEach() {
        String half = Integer.toString((proposals.size() + 1) / 2);
        JsonNode first = RoundSteps.ok(decisions(Map.of("limit", half)));
        JsonNode second = RoundSteps.ok(decisions(Map.of("limit", half, "after", first.get("proposalsPage").get("next").asText())));

        assertThat(first.get("proposals")).hasSize(Integer.parseInt(half));
        assertThat(first.get("proposalsPage").get("total").asInt()).isEqualTo(proposals.size());
        assertThat(second.get("proposalsPage").get("next").isNull()).as("the last page").isTrue();
        List<String> shown = new ArrayList<>(first.get("proposals").findValuesAsText("proposal"));
        shown.addAll(second.get("proposals").findValuesAsText("proposal"));
        assertThat(shown).as("none twice, none missing").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(proposals);
        assertThat(second.get("fund")).isEqualTo(first.get("fund"));
        assertThat(second.get("specifications")).isEqualTo(first.get("specifications"));
    }

    @Test
    void withoutALimitARoundOfFewerThanTheDefaultComesWhole() {
        JsonNode all = RoundSteps.ok(decisions(Map.of()));

        assertThat(all.get("proposals")).hasSize(proposals.size());
        assertThat(all.get("proposalsPage").get("limit").asInt()).isEqualTo(DecisionPages.DEFAULT_LIMIT);
        assertThat(all.get("proposalsPage").get("next").isNull()).isTrue();
    }

    @Test
    void aBadCursorOrLimitIsRefusedNamingItsParameter() {
        assertThat(refused(decisions(Map.of("after", "Not a page's next!")))).containsExactly("after");
        assertThat(refused(decisions(Map.of("limit", "0")))).containsExactly("limit");
        assertThat(refused(decisions(Map.of("limit", Integer.toString(DecisionPages.MAX_LIMIT + 1))))).containsExactly("limit");
    }

    private APIGatewayV2HTTPResponse decisions(Map<String, String> query) {
        return steps.call(manager(), RoundRoutes.GET_DECISIONS, Map.of(), query, null);
    }

    private static List<String> refused(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        return Json.parse(response.getBody()).get("error").get("details").findValuesAsText("field");
    }
}
