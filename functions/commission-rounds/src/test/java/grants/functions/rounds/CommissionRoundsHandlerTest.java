package grants.functions.rounds;

import grants.testing.TestProgrammes;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Round;
import grants.core.commissioning.Specification;
import grants.core.audit.AuditEntry;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.http.Identity;
import grants.localaws.LocalLambdaContext;
import grants.testing.SettableClock;
import grants.testing.TestRounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/** CommissionRounds on the local stack, as its people call it: strict bodies, nothing leaked, every change recorded. */
class CommissionRoundsHandlerTest {

    private static final String ROUND = "coventry-commissioning-2002";

    private final Round coventry = TestRounds.coventry();
    private final SettableClock clock = new SettableClock(Instant.parse("2002-01-01T09:00:00Z"));
    private RoundsOnTheEmulators emulators;
    private CommissionRoundsHandler handler;
    private RoundSteps steps;

    @BeforeEach
    void handler() {
        emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        handler = new CommissionRoundsHandler(emulators.wiring());
        steps = new RoundSteps(handler, clock);
    }

    @Test
    void nobodySeesTheDotsBeforeVotingCloses() {
        setUpAndVote();
        JsonNode round = ok(call(person(Role.BOARD_MEMBER, "board-01"), RoundRoutes.GET_ROUND, Map.of(), null));
        assertThat(round.has("selected")).isFalse();
        assertThat(round.path("yourBallot").path("dots")).hasSize(3);
        assertThat(round.has("mailingList")).as("addresses are the staff's").isFalse();
        assertThat(call(manager(), RoundRoutes.GET_TALLY, Map.of(), null).getStatusCode()).isEqualTo(409);
    }

    @Test
    void aBallotWithAnUnknownFieldIsRefusedNamingItAndNothingIsCounted() {
        setUp();
        APIGatewayV2HTTPResponse refused = call(person(Role.BOARD_MEMBER, "board-01"), RoundRoutes.PUT_BALLOT,
                Map.of("voterId", "board-01"), Json.object().put("dotz", "unemployment"));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("\"field\":\"dotz\"");
        assertThat(emulators.wiring().rounds().ballots(ROUND)).isEmpty();
    }

    @Test
    void beforeDecisionsArePublishedAProposerLearnsNothingOfScoresVotesOrAwards() {
        decideWithoutPublishing();
        Actor pathways = proposerFor("pathways");
        List<String> leaks = List.of("score", "finalScore", "meanScore", "status", "awardAnnual", "scorers");
        for (String body : List.of(
                call(pathways, RoundRoutes.GET_ROUND, Map.of(), null).getBody(),
                call(pathways, RoundRoutes.GET_PROPOSALS, Map.of(), null).getBody(),
                call(pathways, RoundRoutes.GET_PROPOSAL, Map.of("proposalId", "unemployment-pathways"), null).getBody(),
                call(null, RoundRoutes.PUBLIC_SPECIFICATIONS, Map.of(), null).getBody())) {
            JsonNode answer = Json.parse(body);
            leaks.forEach(field -> assertThat(answer.findValue(field)).as(field + " in " + body).isNull());
        }
        assertThat(call(pathways, RoundRoutes.GET_DECISION, Map.of("proposalId", "unemployment-pathways"), null)
                .getStatusCode()).isEqualTo(409);
        assertThat(call(pathways, RoundRoutes.GET_SCORES, Map.of("proposalId", "unemployment-pathways"), null)
                .getStatusCode()).isEqualTo(403);
        assertThat(call(pathways, RoundRoutes.GET_PROPOSAL, Map.of("proposalId", "unemployment-employers"), null)
                .getStatusCode()).as("another organisation's proposal").isEqualTo(403);
    }

    @Test
    void thePublishedSpecificationsAreReadWithoutSigningIn() {
        assertThat(call(null, RoundRoutes.PUBLIC_SPECIFICATIONS, Map.of(), null).getStatusCode()).isEqualTo(404);
        publish();
        JsonNode page = ok(call(null, RoundRoutes.PUBLIC_SPECIFICATIONS, Map.of(), null));
        assertThat(page.get("specifications")).hasSize(6);
        assertThat(page.get("closingDate").asText()).isEqualTo("2002-01-31");
        assertThat(call(null, RoundRoutes.GET_ROUND, Map.of(), null).getStatusCode()).as("the rest needs a sign-in")
                .isEqualTo(401);
    }

    @Test
    void everyChangeIsRecordedWithWhoMadeIt() {
        decideWithoutPublishing();
        // Published as far as the links are concerned (publication itself is RoundStagesTest's).
        var rounds = emulators.wiring().rounds();
        rounds.advance(rounds.header(ROUND).orElseThrow().at(grants.core.rounds.Stage.PUBLISHED),
                grants.core.rounds.Stage.DECIDED);
        ok(call(person(Role.FINANCE_OFFICER, "finance-1"), RoundRoutes.GET_CONTRACTS, Map.of(), null));
        List<AuditEntry> entries = emulators.wiring().auditLog().page(ROUND, java.util.Optional.empty(), 200).entries();
        assertThat(entries).extracting(AuditEntry::action).contains("ROUND_SET_UP", "BALLOT_CAST", "VOTING_CLOSED",
                "SPECIFICATION_WRITTEN", "PANEL_NAMED", "SPECIFICATIONS_PUBLISHED", "PROPOSAL_SENT", "PROPOSALS_CLOSED",
                "INTERESTS_DECLARED", "SCORE_SUBMITTED", "SCORE_REFUSED", "ROUND_DECIDED");
        assertThat(entries).filteredOn(entry -> entry.action().equals("DECISION_LINKS_ISSUED"))
                .as("the download links finance was given").singleElement()
                .satisfies(entry -> assertThat(entry.actorSubject()).isEqualTo("finance-1"));
        assertThat(entries).filteredOn(entry -> entry.action().equals("BALLOT_CAST"))
                .anySatisfy(entry -> assertThat(entry.actorEmail()).isEqualTo("board-01@coventry.example"))
                .allSatisfy(entry -> assertThat(entry.after()).as("the dots stay secret").doesNotContain("unemployment"));
    }

    @Test
    void aModerationSentBeforeAnyoneScoredIsRefusedAndAPendingOneIsShownToThePanelUntilConfirmed() {
        scoreWithoutDeciding();
        APIGatewayV2HTTPResponse early = call(person(Role.PANEL_MEMBER, "u2"), RoundRoutes.PUT_MODERATION,
                Map.of("proposalId", "unemployment-employers"), Json.object().put("score", "0.9500").put("by", "u2")
                        .put("reason", "Excellent."));
        assertThat(early.getStatusCode()).as("the members' scores agree: nothing to moderate").isEqualTo(409);
        assertThat(early.getBody()).contains("MODERATION_NOT_NEEDED");

        ok(call(person(Role.PANEL_MEMBER, "h3"), RoundRoutes.PUT_MODERATION, Map.of("proposalId", "housing-homes-together"),
                Json.object().put("score", "0.7000").put("by", "h3").put("reason", "Agreed at the meeting.")));
        JsonNode seen = ok(call(person(Role.PANEL_MEMBER, "h2"), RoundRoutes.GET_SCORES,
                Map.of("proposalId", "housing-homes-together"), null));
        assertThat(seen.path("moderation").path("state").asText()).isEqualTo("PENDING");
        assertThat(seen.path("moderation").path("by").asText()).isEqualTo("h3");
        assertThat(call(person(Role.PANEL_MEMBER, "h3"), RoundRoutes.CONFIRM_MODERATION,
                Map.of("proposalId", "housing-homes-together"), null).getStatusCode()).as("not by its author").isEqualTo(403);

        JsonNode confirmed = ok(call(person(Role.PANEL_MEMBER, "h2"), RoundRoutes.CONFIRM_MODERATION,
                Map.of("proposalId", "housing-homes-together"), null));
        assertThat(confirmed.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("confirmedBy").asText()).isEqualTo("h2");
        assertThat(emulators.wiring().auditLog().page(ROUND, java.util.Optional.empty(), 200).entries())
                .filteredOn(entry -> entry.action().equals("MODERATION_CONFIRMED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.before()).contains("pending");
                    assertThat(entry.after()).contains("confirmed by h2");
                });
    }

    @Test
    void meetingsAreSeenOnlyByThoseClearedToReadTheProposal() {
        scoreWithoutDeciding();
        ok(call(manager(), RoundRoutes.POST_MEETING, Map.of(), Json.object().put("proposal", "unemployment-pathways")
                .put("at", "2002-02-10T10:00").put("note", "The Jobcentre's referral route.")));
        assertThat(call(person(Role.PANEL_MEMBER, "u2"), RoundRoutes.GET_MEETINGS, Map.of(), null).getBody())
                .contains("referral route");
        JsonNode conflicted = ok(call(person(Role.PANEL_MEMBER, "u1"), RoundRoutes.GET_MEETINGS, Map.of(), null));
        assertThat(conflicted.get("meetings")).as("u1's employer partners it").isEmpty();
        assertThat(ok(call(person(Role.PANEL_MEMBER, "h1"), RoundRoutes.GET_MEETINGS, Map.of(), null)).get("meetings"))
                .as("another panel").isEmpty();
        APIGatewayV2HTTPResponse rewrite = call(manager(), RoundRoutes.POST_MEETING, Map.of(), Json.object()
                .put("proposal", "unemployment-pathways").put("at", "2002-02-10T10:00").put("note", "Nothing was said."));
        assertThat(rewrite.getStatusCode()).isEqualTo(409);
        assertThat(ok(call(manager(), RoundRoutes.GET_MEETINGS, Map.of(), null)).toString()).contains("referral route")
                .doesNotContain("Nothing was said");
    }

    @Test
    void aSubGroupCannotOverwriteAnotherSubGroupsSpecificationAndTheTrailKeepsWhatAReplacementChanged() {
        setUpAndVote();
        ok(call(manager(), RoundRoutes.CLOSE_VOTING, Map.of(), null));
        Specification housing = coventry.specification("spec-housing").orElseThrow();
        ok(call(person(Role.SUB_GROUP, "housing"), RoundRoutes.PUT_SPECIFICATION, Map.of("specificationId", housing.id()),
                RoundDocuments.specification(housing)));
        ObjectNode hijack = RoundDocuments.specification(housing);
        hijack.put("issue", "crime");
        assertThat(call(person(Role.SUB_GROUP, "crime"), RoundRoutes.PUT_SPECIFICATION,
                Map.of("specificationId", housing.id()), hijack).getStatusCode()).isEqualTo(403);
        assertThat(emulators.wiring().rounds().specifications(ROUND)).containsExactly(housing);

        ObjectNode changed = RoundDocuments.specification(housing);
        changed.put("outcome", "Warmer homes");
        ok(call(person(Role.SUB_GROUP, "housing"), RoundRoutes.PUT_SPECIFICATION, Map.of("specificationId", housing.id()),
                changed));
        assertThat(emulators.wiring().auditLog().page(ROUND, java.util.Optional.empty(), 200).entries())
                .filteredOn(entry -> entry.action().equals("SPECIFICATION_WRITTEN"))
                .as("newest first: the replacement, with what it replaced").first().satisfies(entry -> {
                    assertThat(entry.before()).contains(housing.outcome());
                    assertThat(entry.after()).contains("Warmer homes");
                });
    }

    void theRoundsTrailIsReadThroughTheRoundItself() {
        setUpAndVote();
        APIGatewayV2HTTPEvent read = APIGatewayV2HTTPEvent.builder().withRouteKey(RoundRoutes.GET_AUDIT)
                .withPathParameters(Map.of("roundId", ROUND)).withQueryStringParameters(Map.of("limit", "200"))
                .withRequestContext(Identity.verified(Identity.claimsOf(TestRounds.person(Role.AUDITOR, "auditor-1"))))
                .build();
        JsonNode page = ok(handler.handleRequest(read, new LocalLambdaContext("CommissionRoundsFunction")));
        assertThat(page.path("roundId").asText()).isEqualTo(ROUND);
        List<String> actions = new java.util.ArrayList<>();
        page.path("entries").forEach(entry -> actions.add(entry.path("action").asText()));
        assertThat(actions).containsOnlyOnce("ROUND_SET_UP");
        assertThat(actions).filteredOn("BALLOT_CAST"::equals).hasSize(coventry.ballots().size());
        assertThat(call(manager(), RoundRoutes.GET_AUDIT, Map.of(), null).getStatusCode()).isEqualTo(200);
        assertThat(call(person(Role.BOARD_MEMBER, "board-01"), RoundRoutes.GET_AUDIT, Map.of(), null).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void aRoundCannotTakeAProgrammesIdNorItsTrail() {
        TestProgrammes.allocations(emulators.wiring().programmes(), emulators.wiring().runs(),
                emulators.wiring().clock()).putProgramme(ROUND,
                grants.testing.TestProgrammes.programme(grants.testing.TestProgrammes.WEST_MIDLANDS, ROUND));
        ObjectNode setup = Json.object();
        setup.setAll(RoundDocuments.setup(coventry.setup()));
        APIGatewayV2HTTPResponse refused = call(manager(), RoundRoutes.PUT_ROUND, Map.of(), setup);
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(Json.parse(refused.getBody()).at("/error/code").asText()).isEqualTo("ID_IS_A_PROGRAMME");
        assertThat(Json.parse(refused.getBody()).at("/error/message").asText()).contains("\"" + ROUND + "\" is the id of a programme");
        assertThat(emulators.wiring().rounds().header(ROUND)).isEmpty();
        assertThat(emulators.wiring().auditLog().page(ROUND, java.util.Optional.empty(), 10).entries())
                .as("nothing joined the programme's trail").isEmpty();
    }

    private void setUp() {
        ok(steps.setUp());
    }

    private void setUpAndVote() {
        steps.setUpAndVote();
    }

    private void publish() {
        steps.publish();
    }

    private void decideWithoutPublishing() {
        scoreWithoutDeciding();
        ok(call(manager(), RoundRoutes.DECIDE, Map.of(), null));
    }

    private void scoreWithoutDeciding() {
        steps.score();
    }

    private APIGatewayV2HTTPResponse call(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
        return steps.call(actor, routeKey, path, body);
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) {
        return RoundSteps.ok(response);
    }
}
