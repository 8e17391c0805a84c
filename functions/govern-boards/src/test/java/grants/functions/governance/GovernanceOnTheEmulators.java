package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;
import grants.core.reporting.Theme;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.HandlerAnswer;
import grants.testing.SettableClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * GovernBoards on the shared local stack: a fresh table per test class, a clock the test moves, the
 * register's NI 152 (owned by Bob, not met in 2025-26 Q3, so an exception of the board meeting of
 * Thursday 8 January 2026), and the partnership's bodies set up and met that day through the
 * function's own routes by the clerk: the board (quorum 2: the chair, Ann of the housing trust, and
 * an observer), scrutiny (Sam chairs, Sue a member) and the housing theme group (Gwen chairs).
 */
final class GovernanceOnTheEmulators {

    static final String REGISTER = "coventry-laa";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MEETING = LocalDate.of(2026, 1, 8);

    static final Actor CLERK = person("clerk", Role.PROGRAMME_MANAGER, REGISTER);
    static final Actor CHAIR = person("chair", Role.BOARD_MEMBER, REGISTER);
    static final Actor ANN = person("ann", Role.BOARD_MEMBER, REGISTER);
    static final Actor OBSERVER = person("obs", Role.BOARD_MEMBER, REGISTER);
    static final Actor BOB = person("bob", Role.INDICATOR_OWNER, REGISTER);
    static final Actor SAM = person("sam", Role.PARTNERSHIP_MEMBER, REGISTER);
    /** A manager bound to another register: nobody here. */
    static final Actor ELSEWHERE = person("manager-elsewhere", Role.PROGRAMME_MANAGER, "another-laa");

    static final String BOARD = """
            {"name": "The board", "kind": "BOARD", "decisionMaking": true, "quorum": 2, "members": [
              {"person": "chair", "role": "CHAIR", "organisation": "council"},
              {"person": "ann", "role": "MEMBER", "organisation": "housing-trust"},
              {"person": "obs", "role": "OBSERVER"}]}""";

    final SettableClock clock = new SettableClock(at(LocalDate.of(2026, 1, 5)));
    final Wiring wiring;
    final GovernBoardsHandler handler;

    GovernanceOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                clients(TestAwsStack.shared(), null), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        handler = new GovernBoardsHandler(wiring);
        keepTheRegister();
        on(MEETING);
        setUpTheBodies();
    }

    /** The function again on the same tables, each of its AWS calls decided by {@code hook}. */
    GovernBoardsHandler decidedBy(AwsRequestHook hook) {
        return new GovernBoardsHandler(wiringDecidedBy(hook));
    }

    /** What the functions share, on the same tables and clock, each AWS call decided by {@code hook}. */
    Wiring wiringDecidedBy(AwsRequestHook hook) {
        return new Wiring(wiring.environment(), clients(TestAwsStack.shared(), hook), clock);
    }

    private static AwsClients clients(AwsStack stack, AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    /** NI 152 owned by Bob, its 2025-26 Q3 figure of 14.0% against a target of 12.5% (not met), reviewed on 8 January. */
    private void keepTheRegister() {
        ReportingService reporting = new ReportingService(new DynamoReportingStore(wiring.table(), wiring.auditTable()),
                ContributingAgreement.Source.NONE, clock);
        reporting.createRegister(CLERK, REGISTER, null);
        reporting.saveTheme(CLERK, REGISTER, new Theme("work", "Work"));
        reporting.saveOutcome(CLERK, REGISTER, new Outcome("jobs", "More people in work", "work"));
        reporting.savePerson(CLERK, REGISTER, new Person("bob", "Bob Owner", "bob@coventry.example", Person.Kind.OWNER));
        reporting.saveIndicator(CLERK, REGISTER, new Indicator("ni-152", "NI 152",
                "Working age people on out of work benefits", "jobs", "bob", Indicator.Polarity.LOWER_IS_BETTER,
                Indicator.Measure.PERCENT, Indicator.Accumulation.LEVEL, 1, "%",
                new Indicator.Baseline(Period.parse("2024-25 Q4"), new BigDecimal("13.1")),
                new TreeMap<>(Map.of("2025-26", new BigDecimal("12.5"))), new BigDecimal("2.5"), List.of()));
        reporting.addMeeting(CLERK, REGISTER, new Meeting(MEETING, Period.parse("2025-26 Q3")));
        reporting.record(BOB, REGISTER, "ni-152", Period.parse("2025-26 Q3"), Figure.of("14.0"),
                Observation.Finality.FINAL, null);
    }

    private void setUpTheBodies() {
        expectOk(call(CLERK, GovernRoutes.BODY, Map.of("bodyId", "board"), BOARD));
        expectOk(call(CLERK, GovernRoutes.BODY, Map.of("bodyId", "panel"), """
                {"name": "Scrutiny panel", "kind": "SCRUTINY", "decisionMaking": false, "quorum": 1, "members": [
                  {"person": "sam", "role": "CHAIR"}, {"person": "sue", "role": "MEMBER"}]}"""));
        expectOk(call(CLERK, GovernRoutes.BODY, Map.of("bodyId", "housing"), """
                {"name": "Housing group", "kind": "THEME_GROUP", "theme": "housing", "decisionMaking": true,
                 "quorum": 1, "members": [{"person": "gwen", "role": "CHAIR"}]}"""));
        expectOk(call(CLERK, GovernRoutes.MEETING, Map.of("bodyId", "board", "meetingDate", MEETING.toString()),
                "{\"present\": [\"chair\", \"ann\", \"obs\", \"clerk\"]}"));
        expectOk(call(CLERK, GovernRoutes.MEETING, Map.of("bodyId", "panel", "meetingDate", MEETING.toString()),
                "{\"present\": [\"sam\", \"clerk\"]}"));
    }

    private static void expectOk(HandlerAnswer response) {
        if (response.status() >= 300) {
            throw new AssertionError("setting up governance: " + response.status() + " " + response.body());
        }
    }

    /** An action for Bob decided by the board today, about NI 152. */
    static String action(String id, LocalDate due) {
        return """
                {"id": "ID", "body": "board", "item": "Out of work benefits", "about": "ni-152",
                 "terms": {"kind": "ACTION", "owner": "bob", "due": "DUE", "criterion": "a plan to the board"}}"""
                .replace("ID", id).replace("DUE", due.toString());
    }

    /** A recommendation to Bob decided by the board today. */
    static String recommendation(String id) {
        return """
                {"id": "ID", "body": "board", "item": "Advice", "about": "ni-152",
                 "terms": {"kind": "RECOMMENDATION", "to": "bob", "text": "Work with the job centres"}}"""
                .replace("ID", id);
    }

    /** 09:00 in London on the day. */
    void on(LocalDate day) {
        clock.set(at(day));
    }

    /** 07:00 in London, when the daily run starts. */
    void atSevenOn(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(7, 0)).atZone(LONDON).toInstant());
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(LONDON).toInstant();
    }

    /** Someone signed in with one role, bound in {@code scope} as themselves. */
    static Actor person(String id, Role role, String scope) {
        return new Actor("sub-" + id, id + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scope), Optional.of(id), Optional.empty());
    }

    /** A request to a route of the register, sent by {@code caller} (null: nobody signed in). */
    HandlerAnswer call(Actor caller, String routeKey, Map<String, String> path, String body) {
        return call(handler, caller, routeKey, path, Map.of(), body);
    }

    /** The same, with an {@code Idempotency-Key} header. */
    HandlerAnswer callWithKey(Actor caller, String routeKey, Map<String, String> path, String body, String key) {
        return call(handler, caller, routeKey, path, Map.of(), body, Map.of("idempotency-key", key));
    }

    HandlerAnswer call(Actor caller, String routeKey) {
        return call(caller, routeKey, Map.of(), null);
    }

    /** The same, through {@code function}, with a query string. */
    static HandlerAnswer call(GovernBoardsHandler function, Actor caller, String routeKey, Map<String, String> path,
                         Map<String, String> query, String body) {
        return call(function, caller, routeKey, path, query, body, Map.of());
    }

    private static HandlerAnswer call(GovernBoardsHandler function, Actor caller, String routeKey, Map<String, String> path,
                                 Map<String, String> query, String body, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = respond(function, caller, routeKey, path, query, body, headers);
        boolean csv = response.getHeaders() != null && String.valueOf(response.getHeaders().get("content-type"))
                .startsWith("text/csv"); // open data: the file's text as it is
        return new HandlerAnswer(response.getStatusCode(), csv ? TextNode.valueOf(response.getBody())
                : Json.parse(response.getBody()));
    }

    /** What a browser opening the route's link gets (it asks for HTML first): the printable page. */
    APIGatewayV2HTTPResponse page(Actor caller, String routeKey, Map<String, String> path) {
        return respond(handler, caller, routeKey, path, Map.of(), null,
                Map.of("accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    private static APIGatewayV2HTTPResponse respond(GovernBoardsHandler function, Actor caller, String routeKey,
                                                    Map<String, String> path, Map<String, String> query, String body,
                                                    Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(Map.of("content-type", "application/json"));
        allHeaders.putAll(headers);
        Map<String, String> parameters = new HashMap<>(Map.of("registerId", REGISTER));
        parameters.putAll(path);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(parameters).withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(allHeaders).withBody(body)
                .withRequestContext(caller == null ? null : Identity.verified(Identity.claimsOf(caller))).build();
        return function.handleRequest(event, new LocalLambdaContext("GovernBoardsFunction"));
    }

    /** The register's audit trail, oldest first: each entry's action. */
    List<String> recordedActions() {
        List<String> actions = new ArrayList<>(new DynamoAuditTrail(wiring.auditTable()).page(REGISTER, Optional.empty(),
                1000).entries().stream().map(AuditEntry::action).toList());
        Collections.reverse(actions);
        return actions;
    }

}
