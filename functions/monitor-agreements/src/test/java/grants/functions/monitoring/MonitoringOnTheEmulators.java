package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringService;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.InMemoryAddressees;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MonitorAgreements on the shared local stack: a fresh table per test class, a clock the test moves,
 * and the City Skills Network's contract of the Coventry round (2002-03, four instalments of
 * £200,000.00, a steering group by 30 September holding back the third) entered into monitoring.
 */
final class MonitoringOnTheEmulators {

    static final String ROUND = "coventry-2002";
    static final String SKILLS = "contract-skills-network";
    static final String OTHER = "contract-cohesion-northside";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final Actor MANAGER = person("manager-ruth", Role.PROGRAMME_MANAGER, null, "*");
    static final Actor FINANCE = person("finance-dev", Role.FINANCE_OFFICER, null, "*");
    static final Actor SECOND_FINANCE = person("finance-margaret", Role.FINANCE_OFFICER, null, "*");
    static final Actor OFFICER = person("officer-chen", Role.OFFICER, null, ROUND);
    static final Actor OTHER_OFFICER = person("officer-amir", Role.OFFICER, null, ROUND);
    static final Actor SUB_GROUP = person("subgroup-helen", Role.SUB_GROUP, null, ROUND);
    static final Actor LEAD = person("lead-skills-nina", Role.LEAD_CONTACT, "skills-network", ROUND);
    static final Actor OTHER_LEAD = person("lead-cohesion", Role.LEAD_CONTACT, "cohesion", ROUND);
    static final Actor AUDITOR = person("auditor-jo", Role.AUDITOR, null, "*");
    static final Actor PROPOSER = person("proposer-skills", Role.PROPOSER, "skills-network", ROUND);

    final SettableClock clock = new SettableClock(day("2002-03-01"));
    final Wiring wiring;
    final MonitorAgreementsHandler handler;

    MonitoringOnTheEmulators(Class<?> test) {
        this(test, null, true);
    }

    /** With {@code hook} deciding the functions' AWS calls (the policy check of a narrowed template); null: the build's. */
    MonitoringOnTheEmulators(Class<?> test, AwsRequestHook hook) {
        this(test, hook, true);
    }

    /** A fresh table with no agreement in it: they come from rounds and runs (monitorflow's tests). */
    static MonitoringOnTheEmulators empty(Class<?> test) {
        return new MonitoringOnTheEmulators(test, null, false);
    }

    private MonitoringOnTheEmulators(Class<?> test, AwsRequestHook hook, boolean withTheExample) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        AwsClients aws = hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
        String table = TestAwsStack.uniqueTableName(test);
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                aws, clock);
        handler = new MonitorAgreementsHandler(wiring);
        wiring.monitoring().putBankHolidays(List.of(LocalDate.parse("2002-05-06"), LocalDate.parse("2002-06-03"),
                LocalDate.parse("2002-06-04"), LocalDate.parse("2002-08-26"), LocalDate.parse("2002-12-25"),
                LocalDate.parse("2002-12-26"), LocalDate.parse("2003-01-01"), LocalDate.parse("2003-04-18"),
                LocalDate.parse("2003-04-21")));
        if (!withTheExample) {
            return;
        }
        // Entered as publishing the round's decisions enters them (the use case; the function has no route for it).
        new MonitoringService(wiring.monitoring(), new InMemoryAddressees(), clock)
                .enter(MANAGER, List.of(contract(SKILLS, "skills-network", "officer-chen"),
                        contract(OTHER, "cohesion", "officer-amir")));
    }

    /** 09:00 in London on the day. */
    void on(String day) {
        clock.set(day(day));
    }

    private static java.time.Instant day(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(LONDON).toInstant();
    }

    static Agreement contract(String id, String organisation, String officer) {
        return new Agreement(id, Agreement.Source.CONTRACT, ROUND, organisation, officer,
                LocalDate.parse("2002-04-01"), LocalDate.parse("2003-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2002-04-02"), 200_000_00),
                        new Agreement.Instalment(2, LocalDate.parse("2002-07-01"), 200_000_00),
                        new Agreement.Instalment(3, LocalDate.parse("2002-10-01"), 200_000_00),
                        new Agreement.Instalment(4, LocalDate.parse("2003-01-02"), 200_000_00)),
                List.of(new Agreement.Milestone(id + "/m1", LocalDate.parse("2002-09-30"),
                        "Steering group with client-group members in place", Set.of(3))),
                List.of(new Agreement.Output("Residents taking part", 200)));
    }

    /** Someone signed in with one role, bound in {@code scope} as themselves (and with their organisation). */
    static Actor person(String id, Role role, String organisation, String scope) {
        return new Actor("sub-" + id, id + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scope), Optional.of(id), Optional.ofNullable(organisation));
    }

    /** A sample event of events/monitor-agreements, sent by {@code caller}, its path and body changed as given. */
    Response call(String eventFile, Actor caller, Map<String, String> path, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        event.setRequestContext(Identity.verified(Identity.claimsOf(caller)));
        if (!path.isEmpty()) {
            Map<String, String> parameters = new HashMap<>(event.getPathParameters());
            parameters.putAll(path);
            event.setPathParameters(parameters);
        }
        if (body != null) {
            event.setBody(body);
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext("MonitorAgreementsFunction"));
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        String contentType = headers.getOrDefault("content-type", "");
        // A file (a CSV) is its text; everything else the function answers is JSON.
        return new Response(response.getStatusCode(), contentType.startsWith("application/json")
                ? Json.parse(response.getBody()) : TextNode.valueOf(response.getBody()), headers);
    }

    Response call(String eventFile, Actor caller) {
        return call(eventFile, caller, Map.of(), null);
    }

    record Response(int status, JsonNode body, Map<String, String> headers) {
        String code() {
            return body.path("error").path("code").asText();
        }
    }
}
