package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import grants.localaws.LocalLambdaContext;
import grants.testing.RouteMatrix;
import grants.testing.TestRounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of CommissionRounds, called by every role: allowed where the issue says, 403 where
 * not. Each person acts as themselves (board-01 votes their own ballot, proposer for pathways
 * sends pathways' proposal); what depends on a stored record is RoundStagesTest's.
 */
class WhoMayCallWhatTest {

    private static final Actor MANAGER = RouteMatrix.person("manager", Role.PROGRAMME_MANAGER, null, null);
    private static final Actor FINANCE = RouteMatrix.person("finance", Role.FINANCE_OFFICER, null, null);
    private static final Actor AUDITOR = RouteMatrix.person("auditor", Role.AUDITOR, null, null);
    private static final Actor ADVISER = RouteMatrix.person("adviser", Role.ADVISER, null, "adviser-health");
    private static final Actor MEMBER = RouteMatrix.person("rugby", Role.PARTNERSHIP_MEMBER, "rugby", null);
    private static final Actor BOARD = TestRounds.person(Role.BOARD_MEMBER, "board-01");
    private static final Actor SUB_GROUP = TestRounds.person(Role.SUB_GROUP, "unemployment");
    private static final Actor PROPOSER = TestRounds.proposerFor("pathways");
    private static final Actor PANEL = TestRounds.person(Role.PANEL_MEMBER, "u2");
    private static final List<Actor> EVERYONE = List.of(MANAGER, FINANCE, AUDITOR, ADVISER, MEMBER, BOARD, SUB_GROUP,
            PROPOSER, PANEL);

    private static final Map<String, Set<Actor>> ALLOWED = Map.ofEntries(
            entry("list-rounds.json", Set.copyOf(EVERYONE)),
            entry("put-round.json", Set.of(MANAGER)),
            entry("get-round.json", Set.copyOf(EVERYONE)),
            entry("put-ballot.json", Set.of(BOARD)),
            entry("close-voting.json", Set.of(MANAGER)),
            entry("get-tally.json", Set.of(MANAGER, AUDITOR, BOARD, SUB_GROUP)),
            entry("put-specification.json", Set.of(MANAGER, SUB_GROUP)),
            entry("put-panel.json", Set.of(MANAGER)),
            entry("get-panel.json", Set.of(MANAGER, AUDITOR, SUB_GROUP)),
            entry("post-panel-member.json", Set.of(MANAGER, SUB_GROUP)),
            entry("get-people.json", Set.of(MANAGER, SUB_GROUP)),
            entry("publish-specifications.json", Set.of(MANAGER)),
            entry("get-public-specifications.json", Set.copyOf(EVERYONE)),
            entry("put-proposal.json", Set.of(PROPOSER)),
            entry("get-proposals.json", Set.of(MANAGER, AUDITOR, PROPOSER, PANEL)),
            entry("get-proposal.json", Set.of(MANAGER, AUDITOR, PROPOSER, PANEL)),
            entry("close-proposals.json", Set.of(MANAGER)),
            entry("put-declaration.json", Set.of(PANEL)),
            entry("get-declaration.json", Set.of(PANEL)),
            entry("put-score.json", Set.of(PANEL)),
            entry("get-scores.json", Set.of(MANAGER, AUDITOR, PANEL)),
            entry("put-moderation.json", Set.of(PANEL)),
            entry("confirm-moderation.json", Set.of(MANAGER, PANEL)),
            entry("post-meeting.json", Set.of(MANAGER, PANEL)),
            entry("get-meetings.json", Set.of(MANAGER, AUDITOR, PANEL)),
            entry("decide.json", Set.of(MANAGER)),
            entry("get-decisions.json", Set.of(MANAGER, AUDITOR, FINANCE)),
            entry("put-override.json", Set.of(MANAGER)),
            entry("publish-decisions.json", Set.of(MANAGER)),
            entry("get-decision.json", Set.of(MANAGER, AUDITOR, PROPOSER)),
            entry("get-contracts.json", Set.of(MANAGER, FINANCE, AUDITOR)),
            entry("get-round-audit.json", Set.of(MANAGER, AUDITOR)),
            entry("add-cross-cutting-theme.json", Set.of(MANAGER)),
            entry("put-late-interest.json", Set.of(MANAGER)),
            entry("get-schedule.json", Set.of(MANAGER, AUDITOR, FINANCE)),
            entry("accept-contract.json", Set.of(PROPOSER)),
            entry("get-proposal-meetings.json", Set.of(MANAGER, AUDITOR, PROPOSER)),
            entry("open-second-call.json", Set.of(MANAGER)),
            entry("preview-second-call.json", Set.of(MANAGER)));

    private static CommissionRoundsHandler handler;

    @BeforeAll
    static void handler() {
        handler = new CommissionRoundsHandler(RoundsOnTheEmulators.wiring(WhoMayCallWhatTest.class).wiring());
    }

    @org.junit.jupiter.api.Test
    void everyRouteIsInTheMatrix() {
        assertThat(ALLOWED).hasSameSizeAs(RoundRoutes.ACCESS);
    }

    static Stream<Arguments> everyRouteByEveryone() {
        return RouteMatrix.everyRouteByEveryone(ALLOWED, EVERYONE);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("everyRouteByEveryone")
    void eachRoleIsAllowedOrRefused(String eventFile, String who, boolean allowed) {
        Actor actor = RouteMatrix.byEmail(EVERYONE, who);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        event.setRequestContext(Identity.verified(Identity.claimsOf(actor)));

        int status = handler.handleRequest(event, new LocalLambdaContext("CommissionRoundsFunction")).getStatusCode();

        RouteMatrix.expect(eventFile + " by " + who, status, allowed);
    }

    private static int call(String eventFile, Actor actor, Map<String, String> path) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        Map<String, String> parameters = new java.util.HashMap<>(event.getPathParameters());
        parameters.putAll(path);
        event.setPathParameters(parameters);
        event.setRequestContext(Identity.verified(Identity.claimsOf(actor)));
        return handler.handleRequest(event, new LocalLambdaContext("CommissionRoundsFunction")).getStatusCode();
    }

    private static Actor boundIn(Role role, String round, String personId, String organisationId) {
        return new Actor(role.group() + "-" + round, role.group() + "@" + round + ".example", Set.of(role),
                java.util.Optional.empty(), java.util.Optional.empty(), Set.of(round),
                java.util.Optional.ofNullable(personId), java.util.Optional.ofNullable(organisationId));
    }

    @org.junit.jupiter.api.Test
    void aBoardMemberOfOneRoundCannotVoteInAnother() {
        Actor board = boundIn(Role.BOARD_MEMBER, "coventry-commissioning-2002", "board-01", null);

        assertThat(call("put-ballot.json", board, Map.of())).isNotIn(401, 403);
        assertThat(call("put-ballot.json", board, Map.of("roundId", "another-round"))).isEqualTo(403);
        assertThat(call("get-tally.json", board, Map.of("roundId", "another-round"))).isEqualTo(403);
    }

    @org.junit.jupiter.api.Test
    void whoAPersonIsInARoundIsWhatTheyAreBoundAsInThatRound() {
        // The same person: board-07 in another round, board-01 in this one; in the other round they are not board-01.
        Map<String, String> claims = Identity.claimsOf(boundIn(Role.BOARD_MEMBER, "coventry-commissioning-2002",
                "board-01", null));
        claims.put(grants.http.BindingClaims.CLAIM, "{\"coventry-commissioning-2002\":{\"name\":\"B\",\"personId\""
                + ":\"board-07\"},\"another-round\":{\"name\":\"B\",\"personId\":\"board-01\"}}");
        APIGatewayV2HTTPEvent ballot = EventLoader.loadApiGatewayHttpEvent("put-ballot.json");
        ballot.setRequestContext(Identity.verified(claims));

        assertThat(handler.handleRequest(ballot, new LocalLambdaContext("CommissionRoundsFunction")).getStatusCode())
                .as("board-01's ballot in the round where they are bound as board-07").isEqualTo(403);
    }

    @org.junit.jupiter.api.Test
    void aProposerAndAPanelMemberBoundInOneRoundAreRefusedInAnother() {
        Actor proposer = boundIn(Role.PROPOSER, "coventry-commissioning-2002", null, "pathways");
        Actor panel = boundIn(Role.PANEL_MEMBER, "coventry-commissioning-2002", "u2", null);

        assertThat(call("put-proposal.json", proposer, Map.of("roundId", "another-round"))).isEqualTo(403);
        assertThat(call("put-declaration.json", panel, Map.of("roundId", "another-round"))).isEqualTo(403);
        assertThat(call("get-declaration.json", panel, Map.of())).isNotIn(401, 403);
    }

    @org.junit.jupiter.api.Test
    void nobodyWithoutABindingInTheRoundGetsAnywhere() {
        Actor unbound = new Actor("sub-unbound", "new@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
                java.util.Optional.empty(), java.util.Optional.empty(), Set.of());

        assertThat(call("put-round.json", unbound, Map.of())).isEqualTo(403);
        assertThat(call("get-round.json", unbound, Map.of())).isEqualTo(403);
        assertThat(call("decide.json", unbound, Map.of())).isEqualTo(403);
    }
}
