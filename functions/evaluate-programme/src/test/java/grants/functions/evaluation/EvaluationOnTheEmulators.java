package grants.functions.evaluation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EvaluateProgramme on the shared local stack: a fresh table per test class holding the West Midlands
 * programme (38 partnerships, 76 contacts) under this class's own id, its evaluator, manager, auditor, a
 * partnership member, finance, an adviser and an evaluator of another programme. Emails go to the SES
 * emulator, each survey titled with the class's own id so that they are told from other tests' emails.
 */
final class EvaluationOnTheEmulators {

    static final String L2D = "l2d-2007-08";

    static final Actor EVALUATOR = person("evaluator", Role.EVALUATOR, L2D);
    static final Actor MANAGER = person("manager", Role.PROGRAMME_MANAGER, L2D);
    static final Actor AUDITOR = person("auditor", Role.AUDITOR, L2D);
    static final Actor MEMBER = person("member", Role.PARTNERSHIP_MEMBER, L2D);
    static final Actor FINANCE = person("finance", Role.FINANCE_OFFICER, L2D);
    static final Actor ADVISER = person("adviser", Role.ADVISER, L2D);
    static final Actor ELSEWHERE = person("elsewhere", Role.EVALUATOR, "another-programme");

    record Answer(int status, String text, JsonNode json) {
    }

    final SettableClock clock = new SettableClock(Instant.parse("2007-05-01T09:00:00Z"));
    final Wiring wiring;
    final EvaluateProgrammeHandler handler;
    final String title;
    private final AwsStack stack = TestAwsStack.shared();

    EvaluationOnTheEmulators(Class<?> test) {
        String table = TestAwsStack.uniqueTableName(test);
        title = "Baseline survey " + table;
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.SENDER_EMAIL, "evaluation@programme.example", Environment.NOTICE_RATE_PER_SECOND, "1000",
                EvaluateProgrammeComposition.CONSOLE_URL, "https://console.example")), clients(null), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        TestProgrammes.allocations(wiring.programmes(), wiring.runs(), clock)
                .putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        handler = new EvaluateProgrammeHandler(wiring);
    }

    /** The function again on the same tables, each of its AWS calls decided by {@code hook}. */
    EvaluateProgrammeHandler decidedBy(AwsRequestHook hook) {
        return new EvaluateProgrammeHandler(new Wiring(wiring.environment(), clients(hook), clock));
    }

    private AwsClients clients(AwsRequestHook hook) {
        AwsClients.Endpoints endpoints = new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint);
        return hook == null ? AwsClients.local(endpoints, stack.accessKey(), stack.secretKey())
                : AwsClients.local(endpoints, stack.accessKey(), stack.secretKey(), hook);
    }

    static Actor person(String id, Role role, String... scopes) {
        return new Actor("sub-" + id, id + "@westmidlands.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scopes));
    }

    String setUpBody(String closingDate) {
        return "{\"title\": \"" + title + "\", \"closingDate\": \"" + closingDate + "\", \"questions\": ["
                + "{\"id\": \"know-plan\", \"section\": \"KNOWLEDGE_AND_UNDERSTANDING\", \"kind\": \"SCALE\", \"text\": \"How well do you understand the delivery plan?\"},"
                + "{\"id\": \"project-staff\", \"section\": \"PERCEIVED_CAPACITY\", \"kind\": \"NUMBER\", \"text\": \"How many people work on the project?\"},"
                + "{\"id\": \"support-helped\", \"section\": \"SUPPORT_RECEIVED\", \"kind\": \"TEXT\", \"text\": \"What helped most?\"}]}";
    }

    /** The baseline survey set up and opened by the evaluator: every contact emailed. */
    Answer openBaseline() {
        Answer setUp = call(EVALUATOR, EvaluationRoutes.SET_UP, Map.of("wave", "baseline"), setUpBody("2007-05-31"));
        if (setUp.status() != 200) {
            throw new AssertionError("setting up the survey: " + setUp.text());
        }
        return call(EVALUATOR, EvaluationRoutes.OPEN, Map.of("wave", "baseline"), null);
    }

    Answer call(Actor caller, String routeKey, Map<String, String> path, String body) {
        return call(handler, caller, routeKey, path, body);
    }

    static Answer call(EvaluateProgrammeHandler function, Actor caller, String routeKey, Map<String, String> path,
                       String body) {
        Map<String, String> parameters = new HashMap<>(path);
        if (routeKey.contains("{programmeId}")) {
            parameters.putIfAbsent("programmeId", L2D);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(parameters).withHeaders(Map.of("content-type", "application/json")).withBody(body)
                .withRequestContext(caller == null ? null : Identity.verified(Identity.claimsOf(caller))).build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, new LocalLambdaContext("EvaluateProgrammeFunction"));
        boolean json = response.getHeaders() != null && String.valueOf(response.getHeaders().get("content-type"))
                .startsWith("application/json");
        return new Answer(response.getStatusCode(), response.getBody(), json ? Json.parse(response.getBody()) : Json.object());
    }

    /** Through a link, not signed in. */
    Answer throughLink(String routeKey, String token, String body) {
        return call(null, routeKey, Map.of("token", token), body);
    }

    private static final Pattern TOKEN = Pattern.compile("/surveys/answer/([A-Za-z0-9_-]{43})");

    /** The tokens of this class's survey emails the SES emulator holds for the address, oldest first. */
    List<String> tokensSentTo(String address) {
        try {
            String store = new String(stack.sesEndpoint().resolve("/store").toURL().openStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            List<String> tokens = new ArrayList<>();
            Json.parse(store).get("emails").forEach(email -> {
                boolean ours = email.path("subject").asText().contains(title);
                boolean toThem = email.path("destination").path("to").toString().contains(address);
                Matcher link = TOKEN.matcher(email.path("body").path("text").asText());
                if (ours && toThem && link.find()) {
                    tokens.add(link.group(1));
                }
            });
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
