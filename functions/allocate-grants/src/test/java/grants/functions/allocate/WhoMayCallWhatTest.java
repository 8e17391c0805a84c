package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of AllocateGrants, called by every role: allowed where the issue says, 403 where
 * not. The table below is written from the roles' descriptions, not read from the code.
 */
class WhoMayCallWhatTest {

    private static final Actor MANAGER = RouteMatrix.person("manager", Role.PROGRAMME_MANAGER, null, null);
    private static final Actor FINANCE = RouteMatrix.person("finance", Role.FINANCE_OFFICER, null, null);
    private static final Actor ADVISER = RouteMatrix.person("adviser", Role.ADVISER, null, "adviser-health");
    private static final Actor RUGBY_MEMBER = RouteMatrix.person("rugby", Role.PARTNERSHIP_MEMBER, "rugby", null);
    private static final Actor WARWICK_MEMBER = RouteMatrix.person("warwick", Role.PARTNERSHIP_MEMBER, "warwick", null);
    private static final Actor AUDITOR = RouteMatrix.person("auditor", Role.AUDITOR, null, null);
    private static final List<Actor> EVERYONE = List.of(MANAGER, FINANCE, ADVISER, RUGBY_MEMBER, WARWICK_MEMBER, AUDITOR);

    /** Event file of each route, and who may call it (the row route's sample names rugby). */
    private static final Map<String, Set<Actor>> ALLOWED = Map.ofEntries(
            Map.entry("put-programme.json", Set.of(MANAGER)),
            Map.entry("put-submission.json", Set.of(MANAGER)),
            Map.entry("post-upload.json", Set.of(MANAGER)),
            Map.entry("post-import.json", Set.of(MANAGER)),
            Map.entry("post-allocation-run-dry-run.json", Set.of(MANAGER)),
            Map.entry("post-allocation-run-commit.json", Set.of(MANAGER)),
            Map.entry("list-allocation-runs.json", Set.of(MANAGER, FINANCE, AUDITOR, RUGBY_MEMBER, WARWICK_MEMBER)),
            Map.entry("get-allocation-run.json", Set.of(MANAGER, FINANCE, AUDITOR)),
            Map.entry("get-allocation-run-partnership.json", Set.of(MANAGER, FINANCE, AUDITOR, RUGBY_MEMBER)),
            Map.entry("get-allocation-run-exports.json", Set.of(MANAGER, FINANCE, AUDITOR)),
            Map.entry("get-allocation-run-tiers.json", Set.of(MANAGER, FINANCE, AUDITOR)),
            Map.entry("get-allocation-run-notices.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("post-resend-notice.json", Set.of(MANAGER)),
            Map.entry("post-bulletin.json", Set.of(MANAGER)),
            Map.entry("get-schema.json", Set.copyOf(EVERYONE)),
            Map.entry("get-audit.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("list-programmes.json", Set.copyOf(EVERYONE)),
            Map.entry("post-bulletin-preview.json", Set.of(MANAGER)),
            Map.entry("put-binding.json", Set.of(MANAGER)),
            Map.entry("get-binding.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("delete-binding.json", Set.of(MANAGER)),
            Map.entry("put-binding-everywhere.json", Set.of(MANAGER)),
            Map.entry("get-binding-everywhere.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("delete-binding-everywhere.json", Set.of(MANAGER)));

    private static ApiOnTheEmulators api;


    @BeforeAll
    static void storedProgramme() {
        api = new ApiOnTheEmulators(WhoMayCallWhatTest.class);
        api.call(Events.load("put-programme.json"));
    }

    static Stream<Arguments> everyRouteByEveryone() {
        return RouteMatrix.everyRouteByEveryone(ALLOWED, EVERYONE);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("everyRouteByEveryone")
    void eachRoleIsAllowedOrRefused(String eventFile, String who, boolean allowed) {
        Actor actor = RouteMatrix.byEmail(EVERYONE, who);
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        event.setRequestContext(Identity.verified(Identity.claimsOf(actor)));

        int status = api.call(event).getStatusCode();

        RouteMatrix.expect(eventFile + " by " + who, status, allowed);
    }

    /** A manager whose binding is for the West Midlands programme alone. */
    private static final Actor WEST_MIDLANDS_MANAGER = new Actor("sub-wm-manager", "wm@westmidlands.example",
            Set.of(Role.PROGRAMME_MANAGER), Optional.empty(), Optional.empty(), Set.of("l2d-2007-08"));

    private static int callAs(String eventFile, Map<String, String> claims, Map<String, String> path) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        if (!path.isEmpty()) {
            Map<String, String> parameters = new HashMap<>(event.getPathParameters());
            parameters.putAll(path);
            event.setPathParameters(parameters);
        }
        event.setRequestContext(Identity.verified(claims));
        return api.call(event).getStatusCode();
    }

    @Test
    void aManagerBoundToOneProgrammeIsRefusedInAnotherAndCannotBindAnyoneEverywhere() {
        Map<String, String> claims = Identity.claimsOf(WEST_MIDLANDS_MANAGER);

        assertThat(callAs("list-allocation-runs.json", claims, Map.of())).isEqualTo(200);
        assertThat(callAs("list-allocation-runs.json", claims, Map.of("programmeId", "l2d-2008-09"))).isEqualTo(403);
        assertThat(callAs("put-programme.json", claims, Map.of("programmeId", "coventry-2008"))).isEqualTo(403);
        assertThat(callAs("put-binding.json", claims, Map.of("programmeId", "coventry-2008"))).isEqualTo(403);
        assertThat(callAs("put-binding-everywhere.json", claims, Map.of())).isEqualTo(403);
        assertThat(callAs("put-binding.json", claims, Map.of())).isEqualTo(200);
    }

    @Test
    void someoneWithAGroupButNoBindingMayDoNothing() {
        Actor unbound = new Actor("sub-unbound", "new@westmidlands.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of());
        Map<String, String> claims = Identity.claimsOf(unbound);

        assertThat(claims).doesNotContainKey(grants.http.BindingClaims.CLAIM);
        assertThat(callAs("list-allocation-runs.json", claims, Map.of())).isEqualTo(403);
        assertThat(callAs("put-programme.json", claims, Map.of())).isEqualTo(403);
        assertThat(callAs("put-binding-everywhere.json", claims, Map.of())).isEqualTo(403);
        APIGatewayV2HTTPEvent list = Events.load("list-programmes.json");
        list.setRequestContext(Identity.verified(claims));
        assertThat(ApiOnTheEmulators.body(api.call(list)).get("programmes")).isEmpty();
    }

    @Test
    void whatAUserWritesInTheirOwnAttributesGivesThemNothing() {
        // A partnership member of rugby who rewrote custom:partnershipId and custom:programmes with UpdateUserAttributes.
        Map<String, String> claims = new HashMap<>(Identity.claimsOf(RUGBY_MEMBER));
        claims.put("custom:partnershipId", "warwick");
        claims.put("custom:programmes", "l2d-2007-08");
        claims.put("custom:adviserId", "adviser-health");

        assertThat(callAs("get-allocation-run-partnership.json", claims, Map.of("partnershipId", "warwick")))
                .isEqualTo(403);
        claims.remove(grants.http.BindingClaims.CLAIM);
        assertThat(callAs("get-allocation-run-partnership.json", claims, Map.of("partnershipId", "rugby")))
                .isEqualTo(403);
    }

    @Test
    void theAccessTokenOfAPersonsSignInIsRefusedWhateverItsGroups() {
        Map<String, String> access = Map.of("sub", "sub-manager", "token_use", "access", "client_id", "console-client",
                "cognito:groups", "[programme-manager]", "scope", "openid email profile");

        assertThat(callAs("list-allocation-runs.json", access, Map.of())).isEqualTo(401);
        assertThat(callAs("put-programme.json", access, Map.of())).isEqualTo(401);
    }

    @Test
    void theFinanceSystemReadsWithItsOwnClientsAccessTokenAndChangesNothing() {
        ApiOnTheEmulators withFinanceClient = new ApiOnTheEmulators(WhoMayCallWhatTest.class,
                Map.of(grants.adapters.aws.Environment.FINANCE_CLIENT_ID, "finance-client"));
        withFinanceClient.call(Events.load("put-programme.json"));
        Map<String, String> finance = Map.of("sub", "finance-client", "token_use", "access",
                "client_id", "finance-client", "scope", "grants/finance.read");
        Map<String, String> anotherClient = Map.of("sub", "finance-client", "token_use", "access",
                "client_id", "console-client", "scope", "grants/finance.read");

        APIGatewayV2HTTPEvent list = Events.load("list-allocation-runs.json");
        list.setRequestContext(Identity.verified(finance));
        APIGatewayV2HTTPEvent store = Events.load("put-programme.json");
        store.setRequestContext(Identity.verified(finance));
        APIGatewayV2HTTPEvent listByAnother = Events.load("list-allocation-runs.json");
        listByAnother.setRequestContext(Identity.verified(anotherClient));

        assertThat(withFinanceClient.call(list).getStatusCode()).isEqualTo(200);
        assertThat(withFinanceClient.call(store).getStatusCode()).isEqualTo(403);
        assertThat(withFinanceClient.call(listByAnother).getStatusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} without signing in")
    @MethodSource("everyRouteByEveryone")
    void nobodyUnsignedGetsAnywhere(String eventFile, String who, boolean allowed) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        event.setRequestContext(null);

        assertThat(api.call(event).getStatusCode()).isEqualTo(401);
    }
}
