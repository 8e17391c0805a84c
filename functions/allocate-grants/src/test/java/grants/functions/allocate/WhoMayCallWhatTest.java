package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
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
            Map.entry("get-allocation-run-notices.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("post-resend-notice.json", Set.of(MANAGER)),
            Map.entry("post-bulletin.json", Set.of(MANAGER)),
            Map.entry("get-schema.json", Set.copyOf(EVERYONE)),
            Map.entry("get-audit.json", Set.of(MANAGER, AUDITOR)),
            Map.entry("list-programmes.json", Set.copyOf(EVERYONE)),
            Map.entry("post-bulletin-preview.json", Set.of(MANAGER)));

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

    @ParameterizedTest(name = "{0} without signing in")
    @MethodSource("everyRouteByEveryone")
    void nobodyUnsignedGetsAnywhere(String eventFile, String who, boolean allowed) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        event.setRequestContext(null);

        assertThat(api.call(event).getStatusCode()).isEqualTo(401);
    }
}
