package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import grants.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule C10 on the emulators, within CommissionRounds' policy: housing's moderation is recorded but
 * not confirmed when the round is decided, so spec-housing waits while the rest is published; the
 * confirmation arrives after publication and publishing again publishes housing too.
 */
class PublishBySpecificationTest {

    private final SettableClock clock = RoundSteps.roundsClock();

    @Test
    void aSpecificationWaitingForItsModerationIsPublishedOnceItArrives() {
        RoundSteps steps = new RoundSteps(new CommissionRoundsHandler(RoundsOnTheEmulators.wiring(getClass(), clock)
                .wiring()), clock);
        steps.decide(false);
        JsonNode decided = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_DECISIONS, Map.of(), null));
        assertThat(decided.get("waitingSpecifications").toString()).isEqualTo("[\"spec-housing\"]");

        JsonNode first = RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));
        assertThat(first.get("contracts")).as("housing's waits").hasSize(6);
        assertThat(steps.call(proposerFor("homes-together"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "housing-homes-together"), null).getStatusCode()).isEqualTo(409);
        assertThat(steps.call(proposerFor("pathways"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "unemployment-pathways"), null).getStatusCode()).isEqualTo(200);

        steps.confirmModerations(); // after publication: housing's specification waits for it
        JsonNode second = RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));
        assertThat(second.get("contracts")).hasSize(7);
        assertThat(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_ROUND, Map.of(), null))
                .get("publishedSpecifications")).hasSize(6);
        assertThat(RoundSteps.ok(steps.call(proposerFor("homes-together"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "housing-homes-together"), null)).get("status").asText()).isEqualTo("AWARDED");
        assertThat(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_CONTRACTS, Map.of(), null)).get("contracts"))
                .hasSize(7);
    }
}
