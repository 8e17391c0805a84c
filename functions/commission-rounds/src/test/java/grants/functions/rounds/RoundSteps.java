package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Round;
import grants.core.commissioning.ScoreSheet;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.http.Identity;
import grants.localaws.LocalLambdaContext;
import grants.testing.SettableClock;
import grants.testing.TestRounds;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Coventry round taken through CommissionRounds' routes as its people take it, up to the decision. */
final class RoundSteps {

    static final String ROUND = "coventry-commissioning-2002";

    private final Round coventry = TestRounds.coventry();
    private final CommissionRoundsHandler handler;
    private final SettableClock clock;

    RoundSteps(CommissionRoundsHandler handler, SettableClock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    static SettableClock roundsClock() {
        return new SettableClock(Instant.parse("2002-01-01T09:00:00Z"));
    }

    APIGatewayV2HTTPResponse setUp() {
        ObjectNode setup = Json.object();
        setup.setAll(RoundDocuments.setup(coventry.setup()));
        return call(manager(), RoundRoutes.PUT_ROUND, Map.of(), setup);
    }

    /** Set up, and every board member's dots. */
    void setUpAndVote() {
        ok(setUp());
        coventry.ballots().forEach(ballot -> {
            ObjectNode body = Json.object();
            ArrayNode dots = body.putArray("dots");
            ballot.dots().forEach(dots::add);
            ok(call(person(Role.BOARD_MEMBER, ballot.voter()), RoundRoutes.PUT_BALLOT, Map.of("voterId", ballot.voter()), body));
        });
    }

    /** Set up, every board member's dots, and voting closed. */
    void voted() {
        setUpAndVote();
        ok(call(manager(), RoundRoutes.CLOSE_VOTING, Map.of(), null));
    }

    /** The specifications written by their sub-groups, the panels named, and the call published. */
    void specifyAndPublish() {
        coventry.specifications().forEach(specification -> ok(call(person(Role.SUB_GROUP, specification.issue()),
                RoundRoutes.PUT_SPECIFICATION, Map.of("specificationId", specification.id()),
                RoundDocuments.specification(specification))));
        for (Panel panel : coventry.panels()) {
            ObjectNode body = Json.object();
            ArrayNode members = body.putArray("members");
            panel.members().forEach(m -> members.addObject().put("id", m.id()).put("name", m.name())
                    .put("organisation", m.organisation()));
            ok(call(manager(), RoundRoutes.PUT_PANEL, Map.of("specificationId", panel.specification()), body));
        }
        ok(call(manager(), RoundRoutes.PUBLISH, Map.of(), Json.object().put("closingDate", "2002-01-31")));
    }

    /** Set up, voted, voting closed, the specifications written by their sub-groups, the panels named, and all published. */
    void publish() {
        voted();
        specifyAndPublish();
    }

    /** The recorded proposal {@code proposalId} sent by its lead. */
    APIGatewayV2HTTPResponse propose(String proposalId) {
        var proposal = coventry.proposal(proposalId).orElseThrow();
        return call(proposerFor(proposal.lead()), RoundRoutes.PUT_PROPOSAL, Map.of("proposalId", proposalId),
                RoundDocuments.proposal(proposal));
    }

    /** Then the proposals sent, proposals closed, interests declared and every score sent (refused ones as the rules say). */
    void score() {
        publish();
        coventry.proposals().forEach(proposal -> ok(propose(proposal.id())));
        clock.set(Instant.parse("2002-02-01T09:00:00Z"));
        ok(call(manager(), RoundRoutes.CLOSE_PROPOSALS, Map.of(), null));
        for (Panel panel : coventry.panels()) {
            for (Panel.Member member : panel.members()) {
                ObjectNode body = Json.object();
                ArrayNode interests = body.putArray("interests");
                member.interests().forEach(interests::add);
                ok(call(person(Role.PANEL_MEMBER, member.id()), RoundRoutes.PUT_DECLARATION, Map.of("memberId", member.id()), body));
            }
        }
        for (ScoreSheet sheet : coventry.scores()) {
            ObjectNode body = Json.object();
            ObjectNode criteria = body.putObject("criteria");
            sheet.criteria().forEach(criteria::put);
            call(person(Role.PANEL_MEMBER, sheet.member()), RoundRoutes.PUT_SCORE,
                    Map.of("proposalId", sheet.proposal(), "memberId", sheet.member()), body);
        }
    }

    /**
     * Scored, then each recorded moderation sent by its member and confirmed by the manager (one the
     * rules do not call for is refused, as in the replay); then decided.
     */
    void decide() {
        decide(true);
    }

    /** The same, the moderations recorded but confirmed only if asked: unconfirmed, their proposals need moderation. */
    void decide(boolean confirmModerations) {
        score();
        coventry.moderations().forEach(moderation -> call(person(Role.PANEL_MEMBER, moderation.by()),
                RoundRoutes.PUT_MODERATION, Map.of("proposalId", moderation.proposal()), Json.object()
                        .put("score", moderation.score().format()).put("by", moderation.by())
                        .put("reason", moderation.reason())));
        if (confirmModerations) {
            confirmModerations();
        }
        ok(call(manager(), RoundRoutes.DECIDE, Map.of(), null));
    }

    /** A fresh round on the emulators, lived until decided (its moderations confirmed). */
    static RoundSteps decided(Class<?> test, SettableClock clock) {
        RoundSteps steps = new RoundSteps(new CommissionRoundsHandler(RoundsOnTheEmulators.wiring(test, clock).wiring()), clock);
        steps.decide();
        return steps;
    }

    void confirmModerations() {
        coventry.moderations().forEach(moderation -> ok(call(manager(), RoundRoutes.CONFIRM_MODERATION,
                Map.of("proposalId", moderation.proposal()), null)));
    }

    APIGatewayV2HTTPResponse call(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
        return call(actor, routeKey, path, Map.of(), body);
    }

    /** The same, with a query string ({@code ?limit=}, {@code ?after=}). */
    APIGatewayV2HTTPResponse call(Actor actor, String routeKey, Map<String, String> path, Map<String, String> query,
                                  JsonNode body) {
        Map<String, String> parameters = new HashMap<>(path);
        parameters.put("roundId", ROUND);
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(parameters).withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body == null ? null : Json.write(body));
        if (actor != null) {
            event.withRequestContext(Identity.verified(Identity.claimsOf(actor)));
        }
        return handler.handleRequest(event.build(), new LocalLambdaContext("CommissionRoundsFunction"));
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.parse(response.getBody());
    }
}
