package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Role;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's round pages need from the API: a proposal's spread of scores and who may
 * moderate it (rule C8), and, for the lead organisation, its contract and whether it has accepted it.
 */
class RoundPagesApiTest {

    private final SettableClock clock = RoundSteps.roundsClock();
    private RoundSteps steps;

    @BeforeEach
    void handler() {
        RoundsOnTheEmulators emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        steps = new RoundSteps(new CommissionRoundsHandler(emulators.wiring()), clock);
    }

    @Test
    void theScoresSayHowFarApartTheyAreAndWhoMayModerate() {
        steps.score();

        JsonNode housing = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_SCORES,
                Map.of("proposalId", "housing-homes-together"), null)).get("spread");
        assertThat(housing.get("lowest").asText()).isEqualTo("0.4500");
        assertThat(housing.get("highest").asText()).isEqualTo("0.8000");
        assertThat(housing.get("difference").asText()).isEqualTo("0.3500");
        assertThat(housing.get("allowed").asText()).isEqualTo("0.3000");
        assertThat(housing.get("needsModeration").asBoolean()).isTrue();
        assertThat(housing.get("mayModerate")).extracting(JsonNode::asText).contains("h3");

        JsonNode pathways = RoundSteps.ok(steps.call(person(Role.PANEL_MEMBER, "u2"), RoundRoutes.GET_SCORES,
                Map.of("proposalId", "unemployment-pathways"), null)).get("spread");
        assertThat(pathways.get("needsModeration").asBoolean()).isFalse();
        assertThat(pathways.get("mayModerate")).extracting(JsonNode::asText).doesNotContain("u1");
    }

    @Test
    void theLeadOrganisationSeesItsContractOnItsDecisionAndThenThatItAcceptedIt() {
        steps.decide();
        RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));

        JsonNode before = RoundSteps.ok(steps.call(proposerFor("pathways"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "unemployment-pathways"), null)).get("contract");
        assertThat(before.get("id").asText()).isEqualTo("contract-unemployment-pathways");
        assertThat(before.get("accepted").asBoolean()).isFalse();
        assertThat(before.get("total").asText()).isEqualTo("2100000.00");
        assertThat(before.get("instalments")).hasSize(12);
        assertThat(before.get("instalments").get(0).get("due").asText()).isEqualTo("2002-04-01");

        RoundSteps.ok(steps.call(proposerFor("pathways"), FairRoutes.ACCEPT_CONTRACT,
                Map.of("contractId", "contract-unemployment-pathways"), null));

        JsonNode after = RoundSteps.ok(steps.call(proposerFor("pathways"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "unemployment-pathways"), null)).get("contract");
        assertThat(after.get("accepted").asBoolean()).isTrue();
        assertThat(after.get("acceptedBy").asText()).isEqualTo("bids@pathways.example");
        assertThat(RoundSteps.ok(steps.call(proposerFor("employers-forum"), RoundRoutes.GET_DECISION,
                Map.of("proposalId", "unemployment-employers"), null)).has("contract"))
                .as("a proposal not funded has no contract").isFalse();
    }
}
