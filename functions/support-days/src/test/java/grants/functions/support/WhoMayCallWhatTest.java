package grants.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import grants.testing.RouteMatrix;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of SupportDays, called by every role: allowed where the issue says, 403 where not.
 * The sample booking draws on a pool, which only the manager books; a member books for their own
 * partnership (see SupportDaysHandlerTest for a member's own booking).
 */
class WhoMayCallWhatTest {

    private static final Actor MANAGER = RouteMatrix.person("manager", Role.PROGRAMME_MANAGER, null, null);
    private static final Actor FINANCE = RouteMatrix.person("finance", Role.FINANCE_OFFICER, null, null);
    private static final Actor ADVISER = RouteMatrix.person("adviser", Role.ADVISER, null, "adviser-health");
    private static final Actor MEMBER = RouteMatrix.person("rugby", Role.PARTNERSHIP_MEMBER, "rugby", null);
    private static final Actor AUDITOR = RouteMatrix.person("auditor", Role.AUDITOR, null, null);
    private static final List<Actor> EVERYONE = List.of(MANAGER, FINANCE, ADVISER, MEMBER, AUDITOR);

    private static final Map<String, Set<Actor>> ALLOWED = Map.of(
            "put-adviser.json", Set.of(MANAGER),
            "put-support-pool.json", Set.of(MANAGER),
            "post-support-booking.json", Set.of(MANAGER),
            "deliver-support-booking.json", Set.of(MANAGER, ADVISER),
            "cancel-support-booking.json", Set.of(MANAGER, MEMBER),
            "get-support-balances.json", Set.of(MANAGER, FINANCE),
            "get-support-suggestions.json", Set.of(MANAGER, MEMBER));

    private static SupportDaysHandler handler;


    @BeforeAll
    static void handler() {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(WhoMayCallWhatTest.class);
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        handler = new SupportDaysHandler(new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, bucket)), aws, Clock.systemUTC()));
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

        int status = handler.handleRequest(event, new LocalLambdaContext("SupportDaysFunction")).getStatusCode();

        RouteMatrix.expect(eventFile + " by " + who, status, allowed);
    }

    private static int call(String eventFile, Map<String, String> claims, String programmeId) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        Map<String, String> path = new java.util.HashMap<>(event.getPathParameters());
        path.put("programmeId", programmeId);
        event.setPathParameters(path);
        event.setRequestContext(Identity.verified(claims));
        return handler.handleRequest(event, new LocalLambdaContext("SupportDaysFunction")).getStatusCode();
    }

    @org.junit.jupiter.api.Test
    void anAdviserAndAMemberBoundInOneProgrammeAreRefusedInAnother() {
        Actor adviser = new Actor("sub-adviser", "adviser@westmidlands.example", Set.of(Role.ADVISER),
                java.util.Optional.empty(), java.util.Optional.of("adviser-health"), Set.of("l2d-2007-08"));
        Actor member = new Actor("sub-rugby", "rugby@westmidlands.example", Set.of(Role.PARTNERSHIP_MEMBER),
                java.util.Optional.of("rugby"), java.util.Optional.empty(), Set.of("l2d-2007-08"));

        assertThat(call("deliver-support-booking.json", Identity.claimsOf(adviser), "l2d-2008-09")).isEqualTo(403);
        assertThat(call("cancel-support-booking.json", Identity.claimsOf(member), "l2d-2008-09")).isEqualTo(403);
    }

    @org.junit.jupiter.api.Test
    void aFinanceSystemOnlyWithItsOwnClientsAccessTokenAndAPersonNeverWithOne() {
        Map<String, String> otherClient = Map.of("sub", "x", "token_use", "access", "client_id", "console-client",
                "scope", "grants/finance.read", "cognito:groups", "[finance-officer]");

        assertThat(call("get-support-balances.json", otherClient, "l2d-2007-08")).isEqualTo(401);
    }
}
