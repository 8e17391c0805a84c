package grants.functions.reporting;

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
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringService;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.HandlerAnswer;
import grants.testing.InMemoryAddressees;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ReportPerformance on the shared local stack: a fresh table per test class, a clock the test moves,
 * and Coventry's register kept through the function's own routes by its manager: a theme, an outcome,
 * two owners, NI 152 (a level, lower is better, fed by the City Skills Network's contract, which is
 * monitored) and NI 8 (a ratio), and the board meeting of 14 August 2008 reviewing 2008-09 Q1.
 */
final class ReportingOnTheEmulators {

    static final String REGISTER = "coventry-laa";
    static final String CONTRACT = "contract-skills-network";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final Actor MANAGER = person("manager-ruth", Role.PROGRAMME_MANAGER, REGISTER);
    static final Actor ANN = person("owner-ann", Role.INDICATOR_OWNER, REGISTER);
    static final Actor BO = person("owner-bo", Role.INDICATOR_OWNER, REGISTER);
    static final Actor BOARD = person("board-cara", Role.BOARD_MEMBER, REGISTER);
    static final Actor AUDITOR = person("auditor-jo", Role.AUDITOR, "*");
    /** A partner who signs in: a lead contact bound to the register. */
    static final Actor PARTNER = person("lead-skills-nina", Role.LEAD_CONTACT, REGISTER);

    final SettableClock clock = new SettableClock(day("2008-04-01"));
    /** The export bucket, where a board pack is kept from its meeting's day. */
    final String bucket = "exports-" + Long.toHexString(System.nanoTime());
    final Wiring wiring;
    final ReportPerformanceHandler handler;

    ReportingOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        AwsClients aws = clients(TestAwsStack.shared(), null);
        aws.s3().createBucket(request -> request.bucket(bucket));
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, bucket)), aws, clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        handler = new ReportPerformanceHandler(wiring);
        monitorTheContract();
        keepTheRegister();
    }

    /**
     * The function again on the same tables, each of its AWS calls decided by {@code hook} (the policy
     * check of a narrowed copy of the template): the register is kept first, under the real policy.
     */
    ReportPerformanceHandler decidedBy(AwsRequestHook hook) {
        return new ReportPerformanceHandler(new Wiring(wiring.environment(), clients(TestAwsStack.shared(), hook), clock));
    }

    /** The stack's clients, each call decided by {@code hook} if one is given. */
    private static AwsClients clients(AwsStack stack, AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    /** The contract feeding NI 152, entered as publishing a round enters it, its first return accepted. */
    private void monitorTheContract() {
        MonitoringService monitoring = new MonitoringService(wiring.monitoring(), new InMemoryAddressees(), clock);
        Actor lead = new Actor("sub-lead", "lead@skills.example", Set.of(Role.LEAD_CONTACT), Optional.empty(),
                Optional.empty(), Set.of("coventry-2008"), Optional.of("lead"), Optional.of("skills-network"));
        Actor officer = new Actor("sub-officer", "officer@coventry.example", Set.of(Role.OFFICER), Optional.empty(),
                Optional.empty(), Set.of("coventry-2008"), Optional.of("officer-chen"), Optional.empty());
        Actor roundManager = person("manager-ruth", Role.PROGRAMME_MANAGER, "coventry-2008");
        monitoring.enter(roundManager, List.of(new Agreement(CONTRACT, Agreement.Source.CONTRACT, "coventry-2008",
                "skills-network", "officer-chen", LocalDate.parse("2008-04-01"), LocalDate.parse("2009-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2008-04-02"), 100_000_00)), List.of(),
                List.of(new Agreement.Output("People into work", 120)))));
        on("2008-07-03");
        monitoring.submit(lead, CONTRACT + "/2008-09 Q1", Map.of("People into work", 31L), "Two job clubs.",
                "A third.");
        monitoring.accept(officer, CONTRACT + "/2008-09 Q1");
        on("2008-04-01");
    }

    private void keepTheRegister() {
        for (String event : List.of("put-register.json", "put-theme.json", "put-outcome.json", "put-person.json",
                "post-meeting.json")) {
            expectOk(call(event, MANAGER));
        }
        expectOk(call("put-person.json", MANAGER, Map.of("personId", "owner-bo"),
                "{\"name\": \"Bo Lee\", \"role\": \"OWNER\"}"));
        expectOk(call("put-indicator.json", MANAGER, Map.of(), indicator(List.of(CONTRACT))));
        expectOk(call("put-indicator.json", MANAGER, Map.of("indicatorId", "ni-8"), """
                {"reference": "NI 8", "title": "Adult participation in sport", "outcome": "work", "owner": "owner-bo",
                 "polarity": "HIGHER_IS_BETTER", "measure": "PERCENT", "accumulation": "RATIO", "decimals": 1,
                 "unit": "%", "baseline": {"period": "2007-08 Q4", "value": "20.0"}, "targets": {"2008-09": "23.0"},
                 "tolerance": "5"}"""));
    }

    /** NI 152 as put-indicator.json has it, with these contributing agreements. */
    static String indicator(List<String> contributions) {
        return """
                {"reference": "NI 152", "title": "Working age people on out of work benefits", "outcome": "work",
                 "owner": "owner-ann", "polarity": "LOWER_IS_BETTER", "measure": "PERCENT", "accumulation": "LEVEL",
                 "decimals": 1, "unit": "%", "baseline": {"period": "2007-08 Q4", "value": "13.1"},
                 "targets": {"2008-09": "12.5"}, "tolerance": "2.5", "contributions": CONTRIBUTIONS}"""
                .replace("CONTRIBUTIONS", contributions.stream().map(id -> "\"" + id + "\"")
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
    }

    private static void expectOk(HandlerAnswer response) {
        if (response.status() >= 300) {
            throw new AssertionError("setting up the register: " + response.status() + " " + response.body());
        }
    }

    /** 09:00 in London on the day. */
    void on(String day) {
        clock.set(day(day));
    }

    private static java.time.Instant day(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(LONDON).toInstant();
    }

    /** Someone signed in with one role, bound in {@code scope} as themselves. */
    static Actor person(String id, Role role, String scope) {
        return new Actor("sub-" + id, id + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scope), Optional.of(id), Optional.empty());
    }

    /** A sample event of events/report-performance, sent by {@code caller} (null: nobody signed in), path and body changed as given. */
    HandlerAnswer call(String eventFile, Actor caller, Map<String, String> path, String body) {
        return call(handler, eventFile, caller, path, body);
    }

    /** The same, with an {@code Idempotency-Key} header. */
    HandlerAnswer callWithKey(String eventFile, Actor caller, Map<String, String> path, String body, String idempotencyKey) {
        return call(handler, eventFile, caller, path, body, Map.of("idempotency-key", idempotencyKey));
    }

    /** The same, through {@code function}. */
    static HandlerAnswer call(ReportPerformanceHandler function, String eventFile, Actor caller, Map<String, String> path,
                         String body) {
        return call(function, eventFile, caller, path, body, Map.of());
    }

    /** A sample event asked for as a browser opening its link asks: HTML first. */
    APIGatewayV2HTTPResponse page(String eventFile, Actor caller) {
        return page(handler, eventFile, caller);
    }

    /** The same, through {@code function}. */
    static APIGatewayV2HTTPResponse page(ReportPerformanceHandler function, String eventFile, Actor caller) {
        return answer(function, eventFile, caller, Map.of(), null, Map.of("accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    private static HandlerAnswer call(ReportPerformanceHandler function, String eventFile, Actor caller,
                                 Map<String, String> path, String body, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = answer(function, eventFile, caller, path, body, headers);
        boolean json = String.valueOf(response.getHeaders().get("content-type")).startsWith("application/json");
        return new HandlerAnswer(response.getStatusCode(), json ? Json.parse(response.getBody())
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(response.getBody())); // open data's CSV
    }

    private static APIGatewayV2HTTPResponse answer(ReportPerformanceHandler function, String eventFile, Actor caller,
                                                   Map<String, String> path, String body, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        event.setRequestContext(caller == null ? null : Identity.verified(Identity.claimsOf(caller)));
        Map<String, String> parameters = new HashMap<>(event.getPathParameters());
        parameters.putAll(path);
        event.setPathParameters(parameters);
        Optional.ofNullable(body).ifPresent(event::setBody);
        Map<String, String> allHeaders = new HashMap<>(event.getHeaders());
        allHeaders.putAll(headers);
        event.setHeaders(allHeaders);
        return function.handleRequest(event, new LocalLambdaContext("ReportPerformanceFunction"));
    }

    HandlerAnswer call(String eventFile, Actor caller) {
        return call(eventFile, caller, Map.of(), null);
    }

    /** The register's audit trail, oldest first: each entry's action. */
    List<String> recordedActions() {
        List<String> actions = new ArrayList<>(new DynamoAuditTrail(wiring.auditTable()).page(REGISTER, Optional.empty(), 1000)
                .entries().stream().map(AuditEntry::action).toList());
        Collections.reverse(actions); // the trail reads newest first
        return actions;
    }

}
