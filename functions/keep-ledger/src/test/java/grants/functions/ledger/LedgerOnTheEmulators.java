package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Round;
import grants.core.commissioning.Specification;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import grants.core.ledger.LedgerService;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.SettableClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KeepLedger on the shared local stack: a fresh table per test class, Learning to Deliver 2007-08's
 * people (two managers, finance, a Steering Group member, an auditor, a partnership member) and a
 * manager of another programme.
 */
final class LedgerOnTheEmulators {

    static final String L2D = "l2d-2007-08";
    static final String COVENTRY = "coventry-2002";
    static final String SECOND_CALL = "coventry-2002-second-call";
    /** Learning to Deliver's next year, where its managers carry what is left. */
    static final String NEXT_YEAR = "l2d-2008-09";

    static final Actor MANAGER = person("manager", Role.PROGRAMME_MANAGER, L2D, NEXT_YEAR, COVENTRY, SECOND_CALL);
    static final Actor DEPUTY = person("deputy", Role.PROGRAMME_MANAGER, L2D, NEXT_YEAR);
    static final Actor FINANCE = person("finance", Role.FINANCE_OFFICER, L2D, COVENTRY);
    static final Actor STEERING_GROUP = person("steering", Role.BOARD_MEMBER, L2D);
    static final Actor AUDITOR = person("auditor", Role.AUDITOR, L2D);
    static final Actor MEMBER = person("member", Role.PARTNERSHIP_MEMBER, L2D);
    static final Actor ELSEWHERE = person("elsewhere", Role.PROGRAMME_MANAGER, "another-programme");

    static final String CORE_LINE = """
            {"title": "Grants to partnerships", "source": "Core", "budget": "540000.00", "pays": ["GRANTS"]}""";
    static final String RDA_LINE = """
            {"title": "Economic development support", "source": "Regional Development Agency", "budget": "70000.00",
             "pays": ["ADVISER_DAYS", "EVENTS"], "ringFence": "Economic development"}""";

    /** What the handler answered: its status, its body as sent, and that body read as JSON where it is JSON. */
    record Answer(int status, String text, JsonNode json) {

        String code() {
            return json.path("error").path("code").asText();
        }
    }

    final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    final Wiring wiring;
    final KeepLedgerHandler handler;

    LedgerOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                clients(TestAwsStack.shared(), null), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        handler = new KeepLedgerHandler(wiring);
    }

    /** 09:00 UTC on the day ("2007-06-01"). */
    void on(String day) {
        clock.set(Instant.parse(day + "T09:00:00Z"));
    }

    /** The function again on the same tables, each of its AWS calls decided by {@code hook}. */
    KeepLedgerHandler decidedBy(AwsRequestHook hook) {
        return new KeepLedgerHandler(new Wiring(wiring.environment(), clients(TestAwsStack.shared(), hook), clock));
    }

    private static AwsClients clients(AwsStack stack, AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    /** The ledger's use cases on the same table: how the capabilities that spend money commit and pay. */
    LedgerService ledger() {
        return new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()), clock);
    }

    /** Learning to Deliver's core budget and the RDA's ring-fenced money, set by the manager. */
    void setUpLearningToDeliver() {
        expect(200, call(MANAGER, LedgerRoutes.LINE, L2D, Map.of("year", "2007-08", "lineId", "core-grants"), CORE_LINE));
        expect(200, call(MANAGER, LedgerRoutes.LINE, L2D, Map.of("year", "2007-08", "lineId", "rda-economic"), RDA_LINE));
    }

    private static void expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("setting up the ledger: " + answer.status() + " " + answer.text());
        }
    }

    static Actor person(String id, Role role, String... scopes) {
        return new Actor("sub-" + id, id + "@westmidlands.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scopes));
    }

    Answer call(Actor caller, String routeKey, String scope, Map<String, String> path, String body) {
        return call(handler, caller, routeKey, scope, path, body, null);
    }

    Answer callWithKey(Actor caller, String routeKey, String scope, String body, String key) {
        return call(handler, caller, routeKey, scope, Map.of(), body, key);
    }

    Answer read(Actor caller, String routeKey, String scope) {
        return call(caller, routeKey, scope, Map.of(), null);
    }

    static Answer call(KeepLedgerHandler function, Actor caller, String routeKey, String scope, Map<String, String> path,
                       String body, String key) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        Map<String, String> parameters = new HashMap<>(Map.of("scopeId", scope));
        parameters.putAll(path);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(parameters).withHeaders(headers).withBody(body)
                .withRequestContext(caller == null ? null : Identity.verified(Identity.claimsOf(caller))).build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, new LocalLambdaContext("KeepLedgerFunction"));
        String text = response.getBody();
        boolean json = response.getHeaders() != null && String.valueOf(response.getHeaders().get("content-type"))
                .startsWith("application/json");
        return new Answer(response.getStatusCode(), text, json ? Json.parse(text) : Json.object());
    }

    /** A programme's or round's audit trail, newest first: each entry's action. */
    List<String> recordedActions(String scope) {
        return new DynamoAuditTrail(wiring.auditTable()).page(scope, Optional.empty(), 1000).entries().stream()
                .map(AuditEntry::action).toList();
    }

    /** The round as publishing its decisions leaves it: specifications, proposals, contracts, then the head PUBLISHED. */
    void published(Round coventry, Actor by) {
        RoundStore rounds = wiring.rounds();
        String round = coventry.setup().roundId();
        rounds.create(new RoundHeader(coventry.setup(), Stage.SPECIFYING, List.of(), null, null),
                entry(by, round, "ROUND_SET_UP"));
        coventry.specifications().forEach(specification -> rounds.putSpecification(round, specification,
                entry(by, round, "SPECIFICATION_WRITTEN")));
        RoundHeader proposing = new RoundHeader(coventry.setup(), Stage.PROPOSING, List.of(), null,
                LocalDate.parse("2002-06-30"));
        rounds.advance(proposing, Stage.SPECIFYING);
        coventry.proposals().forEach(proposal -> rounds.putProposal(round, proposal, entry(by, round, "PROPOSAL_SENT")));
        RoundHeader decided = new RoundHeader(coventry.setup(), Stage.DECIDED, List.of(), null,
                LocalDate.parse("2002-06-30"));
        rounds.advance(decided, Stage.PROPOSING);
        rounds.putContracts(round, Decisions.decide(coventry).contracts());
        rounds.advance(decided.published(coventry.specifications().stream().map(Specification::id).toList()),
                Stage.DECIDED, entry(by, round, "DECISIONS_PUBLISHED"));
    }

    private AuditEntry entry(Actor by, String round, String action) {
        return AuditEntry.by(by, clock.instant(), round, action, "round " + round, null, action);
    }
}
