package grants.functions.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.support.Adviser;
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
import java.util.OptionalLong;
import java.util.Set;

/**
 * HoldEvents on the shared local stack: a fresh table per test class with Learning to Deliver 2007-08 stored, two
 * advisers (the governance adviser with 5 days contracted at £400.00 a day), and its people: a manager, an auditor, finance, the
 * facilitating adviser, another adviser, members of Coventry and Dudley, and a manager of another programme.
 */
final class EventsOnTheEmulators {

    static final String L2D = "l2d-2007-08";
    static final Actor MANAGER = person("manager", Role.PROGRAMME_MANAGER, null, null, L2D);
    static final Actor AUDITOR = person("auditor", Role.AUDITOR, null, null, L2D);
    static final Actor FINANCE = person("finance", Role.FINANCE_OFFICER, null, null, L2D);
    static final Actor FACILITATOR = person("facilitator", Role.ADVISER, null, "adviser-governance", L2D);
    static final Actor OTHER_ADVISER = person("health-adviser", Role.ADVISER, null, "adviser-health", L2D);
    static final Actor COVENTRY = person("coventry-rep", Role.PARTNERSHIP_MEMBER, "coventry", null, L2D);
    static final Actor DUDLEY = person("dudley-rep", Role.PARTNERSHIP_MEMBER, "dudley", null, L2D);
    static final Actor ELSEWHERE = person("elsewhere", Role.PROGRAMME_MANAGER, null, null, "another-programme");

    static final String WORKSHOP = """
            {"kind": "WORKSHOP", "title": "Performance management for partnerships", "topic": "performance-management",
             "date": "2007-06-14", "starts": "10:00", "ends": "13:00", "place": "Council House, Coventry",
             "capacity": 1, "facilitators": ["adviser-governance"], "facilitatorDays": "0.5",
             "presenters": ["A practitioner from Solihull"]}""";

    /** What the handler answered: its status, its headers, its body as sent, and that body read as JSON where it is JSON. */
    record Answer(int status, Map<String, String> headers, String text, JsonNode json) {

        String code() {
            return json.path("error").path("code").asText();
        }
    }

    final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    final Wiring wiring;
    final HoldEventsHandler handler;

    EventsOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                clients(TestAwsStack.shared(), null), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        handler = new HoldEventsHandler(wiring);
        wiring.programmes().save(TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D), "sample-hash",
                OptionalLong.empty());
        DynamoSupportStore support = new DynamoSupportStore(wiring.table(), wiring.auditTable());
        support.putAdviser(L2D, new Adviser("adviser-governance", "Governance adviser",
                List.of("governance and accountability"), 10, Optional.of(40_000L))); // £400.00 a day
        support.putAdviser(L2D, new Adviser("adviser-health", "Health adviser", List.of("health"), 40));
    }

    /** The workshop costing {@code cost} ("1250.00") on {@code topic}. */
    static String workshopCosting(String cost, String topic) {
        return WORKSHOP.replace("\"capacity\": 1,", "\"capacity\": 1, \"cost\": \"" + cost + "\",")
                .replace("\"topic\": \"performance-management\"", "\"topic\": \"" + topic + "\"");
    }

    /** Learning to Deliver's ledger for 2007-08: a core line for events and the RDA's, ring-fenced to economic development. */
    DynamoLedgerStore ledgerWithEventsLines(long eventsPence, long rdaPence) {
        DynamoLedgerStore store = new DynamoLedgerStore(wiring.table(), wiring.auditTable());
        LedgerService ledger = new LedgerService(store, clock);
        ledger.setLine(MANAGER, new LineRequest(L2D, "2007-08", "events", "Events", "Core", eventsPence,
                Set.of(Spend.EVENTS), Optional.empty(), false, 0));
        ledger.setLine(MANAGER, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", rdaPence, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));
        return store;
    }

    /** The function again on the same tables, each of its AWS calls decided by {@code hook}. */
    HoldEventsHandler decidedBy(AwsRequestHook hook) {
        return new HoldEventsHandler(new Wiring(wiring.environment(), clients(TestAwsStack.shared(), hook), clock));
    }

    private static AwsClients clients(AwsStack stack, AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    static Actor person(String id, Role role, String partnershipId, String adviserId, String... scopes) {
        return new Actor("sub-" + id, id + "@westmidlands.example", Set.of(role), Optional.ofNullable(partnershipId),
                Optional.ofNullable(adviserId), Set.of(scopes));
    }

    Answer call(Actor caller, String routeKey, Map<String, String> path, String body) {
        return call(handler, caller, routeKey, path, body);
    }

    static Answer call(HoldEventsHandler function, Actor caller, String routeKey, Map<String, String> path, String body) {
        Map<String, String> parameters = new HashMap<>(Map.of("programmeId", L2D));
        parameters.putAll(path);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(parameters).withHeaders(Map.of("content-type", "application/json")).withBody(body)
                .withRequestContext(caller == null ? null : Identity.verified(Identity.claimsOf(caller))).build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, new LocalLambdaContext("HoldEventsFunction"));
        String text = response.getBody();
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        boolean json = String.valueOf(headers.get("content-type")).startsWith("application/json");
        return new Answer(response.getStatusCode(), headers, text, json ? Json.parse(text) : Json.object());
    }

    /** The programme's audit trail, newest first: each entry's action. */
    List<String> recordedActions() {
        return new DynamoAuditTrail(wiring.auditTable()).page(L2D, Optional.empty(), 1000).entries().stream()
                .map(AuditEntry::action).toList();
    }
}
