package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
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

import java.time.Clock;
import java.util.Map;

/** AllocateGrants on a fresh table and bucket of the tests' emulator stack, called as API Gateway would. */
final class ApiOnTheEmulators {

    static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);

    private final AllocateGrantsHandler handler;
    private final Wiring wiring;
    private final AllocateGrantsComposition composition;

    ApiOnTheEmulators(Class<?> test) {
        this(test, Map.of());
    }

    /** With settings besides the table and the bucket. */
    ApiOnTheEmulators(Class<?> test, Map<String, String> settings) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(test);
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        String bucket = "bucket-" + Long.toHexString(System.nanoTime());
        aws.s3().createBucket(request -> request.bucket(bucket));
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put(Environment.TABLE, table);
        all.put(Environment.AUDIT_TABLE, table + "-audit");
        all.put(Environment.EXPORT_BUCKET, bucket);
        wiring = new Wiring(Environment.of(all), aws, Clock.systemUTC());
        composition = new AllocateGrantsComposition(wiring);
        handler = new AllocateGrantsHandler(composition);
    }

    /** What the function was built from: for a test to do what another function would do to the same table. */
    Wiring wiring() {
        return wiring;
    }

    /** What the function was built of: for a test to play another function's part with the same objects. */
    AllocateGrantsComposition composition() {
        return composition;
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new LocalLambdaContext("AllocateGrantsFunction"));
    }

    APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, String body) {
        return call(routeKey, path, Map.of(), body);
    }

    APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, Map<String, String> query, String body) {
        return call(routeKey, path, query, body, Map.of());
    }

    APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, Map<String, String> query, String body,
                                  Map<String, String> headers) {
        return call(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withQueryStringParameters(query.isEmpty() ? null : query).withBody(body).withHeaders(headers)
                .withIsBase64Encoded(false).withRequestContext(Identity.verified(Identity.claimsOf(MANAGER))).build());
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody());
    }

    /** The first problem's field of a refusal. */
    static String refusedField(APIGatewayV2HTTPResponse response) {
        return body(response).at("/error/details/0/field").asText();
    }
}
