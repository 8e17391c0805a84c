package grants.functions.assessment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AssessPartnerships on the shared local stack: a fresh table per test class with Learning to
 * Deliver's programme loaded (its partnerships, their LAAs and Project Champions), and its people:
 * the manager, Rugby's representative and Project Champion, Coventry's representative, a government
 * reviewer, a Steering Group member, an auditor, an adviser, finance and a manager of another programme.
 */
final class AssessmentsOnTheEmulators {

    static final String L2D = "l2d-2007-08";

    static final Actor MANAGER = person("manager@westmidlands.example", Role.PROGRAMME_MANAGER, null, L2D);
    static final Actor RUGBY_LEAD = person("project.lead@rugby.lsp.example", Role.PARTNERSHIP_MEMBER, "rugby", L2D);
    static final Actor RUGBY_CHAMPION = person("champion@rugby.lsp.example", Role.PARTNERSHIP_MEMBER, "rugby", L2D);
    static final Actor COVENTRY_LEAD = person("project.lead@coventry.lsp.example", Role.PARTNERSHIP_MEMBER, "coventry", L2D);
    static final Actor REVIEWER = person("reviewer@gowm.example", Role.GOVERNMENT_REVIEWER, null, L2D);
    static final Actor STEERING_GROUP = person("steering@westmidlands.example", Role.BOARD_MEMBER, null, L2D);
    static final Actor AUDITOR = person("auditor@westmidlands.example", Role.AUDITOR, null, L2D);
    static final Actor ADVISER = person("adviser@westmidlands.example", Role.ADVISER, null, L2D);
    static final Actor FINANCE = person("finance@westmidlands.example", Role.FINANCE_OFFICER, null, L2D);
    static final Actor ELSEWHERE = person("elsewhere@westmidlands.example", Role.PROGRAMME_MANAGER, null, "another-programme");

    /** What the handler answered: its status, its body as sent, and that body read as JSON where it is JSON. */
    record Answer(int status, String text, JsonNode json) {

        String field() {
            return json.at("/error/details/0/field").asText();
        }

        List<String> fields() {
            return json.at("/error/details").findValuesAsText("field");
        }
    }

    final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    final Wiring wiring;
    final AssessPartnershipsHandler handler;

    AssessmentsOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                clients(TestAwsStack.shared(), null), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        TestProgrammes.allocations(wiring.programmes(), wiring.runs(), clock)
                .putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        handler = new AssessPartnershipsHandler(wiring);
    }

    /** The function again on the same tables, each of its AWS calls decided by {@code hook}. */
    AssessPartnershipsHandler decidedBy(AwsRequestHook hook) {
        return new AssessPartnershipsHandler(new Wiring(wiring.environment(), clients(TestAwsStack.shared(), hook), clock));
    }

    private static AwsClients clients(AwsStack stack, AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    static Actor person(String email, Role role, String partnership, String programme) {
        return new Actor("sub-" + email, email, Set.of(role), Optional.ofNullable(partnership), Optional.empty(),
                Set.of(programme));
    }

    /** A sample event of events/assess-partnerships, as {@code caller}, with these path parameters changed. */
    static APIGatewayV2HTTPEvent sample(String file, Actor caller, Map<String, String> path) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file);
        Map<String, String> parameters = new HashMap<>(event.getPathParameters());
        parameters.putAll(path);
        event.setPathParameters(parameters);
        event.setRequestContext(Identity.verified(Identity.claimsOf(caller)));
        return event;
    }

    /** A route with no sample event of its own. */
    static APIGatewayV2HTTPEvent request(String routeKey, Actor caller, Map<String, String> path, String body) {
        Map<String, String> parameters = new HashMap<>(Map.of("programmeId", L2D));
        parameters.putAll(path);
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(parameters)
                .withHeaders(Map.of("content-type", "application/json")).withBody(body)
                .withRequestContext(Identity.verified(Identity.claimsOf(caller))).build();
    }

    Answer call(APIGatewayV2HTTPEvent event) {
        return call(handler, event);
    }

    static Answer call(AssessPartnershipsHandler function, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.handleRequest(event, new LocalLambdaContext("AssessPartnershipsFunction"));
        String text = response.getBody();
        boolean json = response.getHeaders() != null && String.valueOf(response.getHeaders().get("content-type"))
                .startsWith("application/json");
        return new Answer(response.getStatusCode(), text, json ? Json.parse(text) : Json.object());
    }

    /** Learning to Deliver's framework, set by the manager from the sample event. */
    void frameworkIsSet() {
        Answer answer = call(sample("put-competency-framework.json", MANAGER, Map.of()));
        if (answer.status() != 200) {
            throw new AssertionError("setting the framework: " + answer.status() + " " + answer.text());
        }
    }

    /** The programme's audit trail, oldest first: each entry's action. */
    List<String> recordedActions() {
        List<String> actions = new java.util.ArrayList<>(new DynamoAuditTrail(wiring.auditTable())
                .page(L2D, Optional.empty(), 1000).entries().stream().map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }
}
