package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.testing.SettableClock;
import grants.testing.TestRounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair to every proposer, through CommissionRounds' routes on the emulators (and within its IAM policy):
 * a theme added after the vote, declarations against each proposal, late interests, schedules, contract
 * acceptance and the proposer's meeting.
 */
class FairRoundsHandlerTest {

    private static final String PATHWAYS = "unemployment-pathways";
    private static final String NORTHSIDE = "unemployment-northside";

    private final Round coventry = TestRounds.coventry();
    private final SettableClock clock = RoundSteps.roundsClock();
    private RoundsOnTheEmulators emulators;
    private RoundSteps steps;

    @BeforeEach
    void handler() {
        emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        steps = new RoundSteps(new CommissionRoundsHandler(emulators.wiring()), clock);
    }

    @Test
    void aThemeAddedAfterTheVoteIsAnsweredByEveryProposalAtTheGateway() {
        steps.voted();
        JsonNode themes = RoundSteps.ok(steps.call(manager(), FairRoutes.ADD_THEME, Map.of(),
                Json.object().put("id", "older-people").put("title", "Older people")));
        assertThat(themes.get("crossCuttingThemes").findValuesAsText("id")).containsExactly("health", "older-people");
        assertThat(steps.call(manager(), FairRoutes.ADD_THEME, Map.of(), Json.object().put("id", "Older People!")
                .put("title", "x")).getBody()).contains("\"field\":\"id\"");
        steps.specifyAndPublish();

        JsonNode sent = RoundSteps.ok(steps.propose(PATHWAYS));

        assertThat(sent.get("eligible").asBoolean()).isFalse();
        assertThat(sent.get("problems").findValuesAsText("field")).containsExactly("crossCutting.older-people");
        assertThat(steps.call(manager(), FairRoutes.ADD_THEME, Map.of(), Json.object().put("id", "transport")
                .put("title", "Transport")).getStatusCode()).as("not once the call is out").isEqualTo(409);
    }

    @Test
    void aMemberOpensAProposalSentAfterTheirDeclarationOnlyOnceTheyHaveDeclaredAgainstIt() {
        steps.publish();
        Actor u3 = person(Role.PANEL_MEMBER, "u3");
        RoundSteps.ok(steps.propose(PATHWAYS));
        RoundSteps.ok(declare(u3, null));
        RoundSteps.ok(steps.propose(NORTHSIDE));

        assertThat(steps.call(u3, RoundRoutes.GET_PROPOSAL, Map.of("proposalId", NORTHSIDE), null).getStatusCode())
                .isEqualTo(403);
        assertThat(RoundSteps.ok(steps.call(u3, RoundRoutes.GET_DECLARATION, Map.of("memberId", "u3"), null))
                .get("awaiting").get(0).asText()).isEqualTo(NORTHSIDE);
        assertThat(declare(u3, PATHWAYS).getStatusCode()).as("an answer is given once").isEqualTo(400);

        RoundSteps.ok(declare(u3, NORTHSIDE));

        assertThat(RoundSteps.ok(steps.call(u3, RoundRoutes.GET_PROPOSAL, Map.of("proposalId", NORTHSIDE), null))
                .get("id").asText()).isEqualTo(NORTHSIDE);
    }

    @Test
    void aLateInterestExcludesTheScoreAndTheScheduleMarksInstalmentsWhoseDayHasPassed() {
        steps.decide();
        RoundSteps.ok(steps.call(manager(), FairRoutes.PUT_LATE_INTEREST, Map.of("proposalId", PATHWAYS, "memberId", "u2"),
                Json.object().put("reason", "Her husband chairs Pathways' board; she told us on 3 July.")));
        assertThat(steps.call(manager(), FairRoutes.PUT_LATE_INTEREST, Map.of("proposalId", PATHWAYS, "memberId", "u2"),
                Json.object()).getBody()).contains("\"field\":\"reason\"");

        JsonNode decisions = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_DECISIONS, Map.of(), null));
        JsonNode pathways = proposal(decisions, PATHWAYS);
        assertThat(pathways.get("scorers").asInt()).isEqualTo(2);
        assertThat(pathways.get("conflictedExcluded").asInt()).isEqualTo(2);

        clock.set(Instant.parse("2002-07-02T09:00:00Z"));
        JsonNode schedule = RoundSteps.ok(steps.call(manager(), FairRoutes.GET_SCHEDULE, Map.of(), null));
        JsonNode skills = schedule.get("contracts").findParents("proposal").stream()
                .filter(c -> c.get("proposal").asText().equals("skills-network")).findFirst().orElseThrow();
        assertThat(skills.get("instalments")).hasSize(12);
        assertThat(skills.get("passedAmount").asText()).isEqualTo("400000.00");
        assertThat(skills.get("instalments").get(1).get("dayPassed").asBoolean()).isTrue();
        assertThat(skills.get("instalments").get(1).get("paidBy").asText()).isEqualTo("finance's next payment run");
        assertThat(skills.get("instalments").get(2).get("dayPassed").asBoolean()).isFalse();
        assertThat(skills.get("instalments").get(2).get("due").asText()).isEqualTo("2002-10-01");
    }

    @Test
    void theLeadOrganisationAcceptsItsContractOnceAndTheContractsShowWhoAndWhen() {
        steps.decide();
        assertThat(accept(proposerFor("pathways")).getStatusCode()).as("not before publication").isEqualTo(409);
        RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));

        assertThat(accept(proposerFor("jobcentre")).getStatusCode()).as("a partner is not the lead").isEqualTo(403);
        JsonNode accepted = RoundSteps.ok(accept(proposerFor("pathways")));
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.get("acceptedBy").asText()).isEqualTo("bids@pathways.example");
        assertThat(accepted.get("acceptedAt").asText()).isEqualTo("2002-02-01T09:00:00Z");
        assertThat(accept(proposerFor("pathways")).getStatusCode()).isEqualTo(409);

        JsonNode contracts = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_CONTRACTS, Map.of(), null));
        assertThat(contracts.get("contracts").findParents("accepted").stream()
                .filter(c -> c.get("accepted").asBoolean()).map(c -> c.get("proposal").asText()))
                .containsExactly(PATHWAYS);
        assertThat(Json.write(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_AUDIT, Map.of(), null))))
                .contains("CONTRACT_ACCEPTED");
    }

    @Test
    void theProposerIsEmailedItsMeetingAndSeesWhenWhereAndWhoAttends() {
        steps.publish();
        RoundSteps.ok(steps.propose(PATHWAYS));
        clock.set(Instant.parse("2002-02-01T09:00:00Z"));
        RoundSteps.ok(steps.call(manager(), RoundRoutes.CLOSE_PROPOSALS, Map.of(), null));
        ObjectNode meeting = Json.object().put("proposal", PATHWAYS).put("at", "2002-02-10T10:00")
                .put("place", "Council House, Room 2");
        meeting.putArray("attendees").add("u2").add("u3");
        RoundSteps.ok(steps.call(manager(), RoundRoutes.POST_MEETING, Map.of(), meeting));

        JsonNode seen = RoundSteps.ok(steps.call(proposerFor("pathways"), FairRoutes.GET_PROPOSAL_MEETINGS,
                Map.of("proposalId", PATHWAYS), null));
        assertThat(seen.get("meetings").get(0).get("place").asText()).isEqualTo("Council House, Room 2");
        assertThat(Json.write(seen.get("meetings").get(0).get("attendees"))).isEqualTo("[\"u2\",\"u3\"]");
        assertThat(steps.call(proposerFor("northside"), FairRoutes.GET_PROPOSAL_MEETINGS, Map.of("proposalId", PATHWAYS),
                null).getStatusCode()).isEqualTo(403);
        assertThat(emulators.wiring().notices().withPrefix(RoundSteps.ROUND, "round/" + RoundSteps.ROUND + "/meeting/"))
                .singleElement().satisfies(notice -> assertThat(notice.recipients())
                        .containsExactly(coventry.setup().organisation("pathways").orElseThrow().email()));
    }

    private static JsonNode proposal(JsonNode decisions, String id) {
        for (JsonNode proposal : decisions.get("proposals")) {
            if (proposal.get("proposal").asText().equals(id)) {
                return proposal;
            }
        }
        throw new AssertionError("no " + id);
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse accept(Actor proposer) {
        return steps.call(proposer, FairRoutes.ACCEPT_CONTRACT, Map.of("contractId", "contract-" + PATHWAYS), null);
    }

    /** Declares against the given proposal, or (null) against every one not yet declared against; no interests. */
    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse declare(Actor member, String proposal) {
        ObjectNode body = Json.object();
        body.putArray("interests");
        if (proposal != null) {
            body.putArray("proposals").add(proposal);
        }
        return steps.call(member, RoundRoutes.PUT_DECLARATION, Map.of("memberId", member.personId().orElseThrow()), body);
    }
}
