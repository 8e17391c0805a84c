package grants.functions.allocate;

import java.time.Clock;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function as API Gateway calls it: the sample events of events/ (the same files sam local
 * invoke uses) through the handler, against DynamoDB on the local stack, each test on a fresh table.
 */
class AllocateGrantsHandlerTest {

    private static final String PROGRAMME = "l2d-2007-08";

    private AwsClients aws;
    private String bucket;
    private AllocateGrantsHandler handler;

    @BeforeEach
    void freshTable() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        bucket = "bucket-" + Long.toHexString(System.nanoTime());
        aws.s3().createBucket(request -> request.bucket(bucket));
        handler = new AllocateGrantsHandler(new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.EXPORT_BUCKET, bucket)), aws, Clock.systemUTC()));
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new LocalLambdaContext("AllocateGrantsFunction"));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody());
    }

    /** A route's event as API Gateway would send it: path parameters and body of our choosing. */
    private static APIGatewayV2HTTPEvent request(String routeKey, Map<String, String> path, String body,
                                                 Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(Identity.verified(Identity.claimsOf(ApiOnTheEmulators.MANAGER))).build();
    }

    private static APIGatewayV2HTTPEvent withPath(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> path = new HashMap<>(event.getPathParameters());
        path.put(name, value);
        event.setPathParameters(path);
        return event;
    }

    @ParameterizedTest
    @Event(value = "put-programme.json", type = APIGatewayV2HTTPEvent.class)
    void storesTheProgrammeAndCountsItsVersions(APIGatewayV2HTTPEvent putProgramme) {
        APIGatewayV2HTTPResponse created = call(putProgramme);
        APIGatewayV2HTTPResponse replaced = call(putProgramme);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(body(created).get("partnerships").asInt()).isEqualTo(38);
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(body(replaced).get("version").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @Event(value = "put-programme.json", type = APIGatewayV2HTTPEvent.class)
    void refusesABadProgrammeWithEveryProblemNamedAndStoresNothing(APIGatewayV2HTTPEvent putProgramme) {
        ObjectNode document = (ObjectNode) Json.parse(putProgramme.getBody());
        ((ObjectNode) document.get("partnerships").get(12)).remove("county");
        ((ObjectNode) document.get("submissions").get(3)).withArray("sharedWith").add("atlantis");
        putProgramme.setBody(Json.write(document));

        APIGatewayV2HTTPResponse refused = call(putProgramme);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        JsonNode error = body(refused).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details").findValuesAsText("field"))
                .containsExactly("partnerships[12].county", "submissions[3].sharedWith[0]");
        APIGatewayV2HTTPResponse listing = call(request(AllocationRoutes.LIST_RUNS,
                Map.of("programmeId", PROGRAMME), null, Map.of()));
        assertThat(listing.getStatusCode()).as("nothing was stored").isEqualTo(404);
    }

    @ParameterizedTest
    @Event(value = "post-allocation-run-dry-run.json", type = APIGatewayV2HTTPEvent.class)
    void aDryRunReturnsTheRunAndStoresNothing(APIGatewayV2HTTPEvent dryRun) throws Exception {
        call(Events.load("put-programme.json"));

        APIGatewayV2HTTPResponse response = call(dryRun);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode totals = body(response).get("totals");
        assertThat(totals.get("finalGrantsGbp").asText()).isEqualTo("372400.00");
        assertThat(totals.get("funded").asInt()).isEqualTo(38);
        assertThat(body(response).get("rows")).hasSize(38);
        assertThat(body(call(Events.load("list-allocation-runs.json"))).get("runs")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "post-allocation-run-commit.json", type = APIGatewayV2HTTPEvent.class)
    void aCommitIsStoredOnceWhateverTheRetries(APIGatewayV2HTTPEvent commit) throws Exception {
        call(Events.load("put-programme.json"));

        APIGatewayV2HTTPResponse first = call(commit);
        APIGatewayV2HTTPResponse retried = call(commit);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(retried.getHeaders()).containsEntry("idempotent-replayed", "true");
        String runId = body(first).get("runId").asText();
        assertThat(body(retried).get("runId").asText()).isEqualTo(runId);
        assertThat(first.getHeaders().get("location")).endsWith("/allocation-runs/" + runId);
        assertThat(body(call(Events.load("list-allocation-runs.json"))).get("runs")).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "get-allocation-run-partnership.json", type = APIGatewayV2HTTPEvent.class)
    void aCommittedRunAndEachRowCanBeRead(APIGatewayV2HTTPEvent getRow) throws Exception {
        call(Events.load("put-programme.json"));
        String runId = body(call(Events.load("post-allocation-run-commit.json"))).get("runId").asText();

        APIGatewayV2HTTPResponse run = call(withPath(Events.load("get-allocation-run.json"), "runId", runId));
        APIGatewayV2HTTPResponse row = call(withPath(getRow, "runId", runId));

        assertThat(run.getStatusCode()).isEqualTo(200);
        assertThat(body(run).get("rows")).hasSize(38);
        assertThat(body(run).get("totals").get("csvSha256").asText()).hasSize(64);
        assertThat(row.getStatusCode()).isEqualTo(200);
        assertThat(body(row).get("finalGrantGbp").asText()).isEqualTo("6300.00");
        assertThat(body(row).get("reason").asText()).startsWith("Rugby is funded")
                .contains("5 of 5 districts in the Warwickshire locality");
    }

    @ParameterizedTest
    @Event(value = "get-allocation-run.json", type = APIGatewayV2HTTPEvent.class)
    void anUnknownRunIsNotFound(APIGatewayV2HTTPEvent getRun) throws Exception {
        call(Events.load("put-programme.json"));

        APIGatewayV2HTTPResponse response = call(getRun);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @ParameterizedTest
    @Event(value = "put-submission.json", type = APIGatewayV2HTTPEvent.class)
    void aSubmissionChangesTheNextRun(APIGatewayV2HTTPEvent putSubmission) throws Exception {
        call(Events.load("put-programme.json"));
        // Rugby now shares with nobody, and two more Warwickshire districts follow: 2 of 5 remain.
        for (String district : new String[] {"rugby", "warwick", "stratford-on-avon"}) {
            APIGatewayV2HTTPEvent event = withPath(Events.load("put-submission.json"), "partnershipId", district);
            event.setBody("{\"title\":\"Going it alone\",\"basis\":\"SELF_ASSESSMENT\",\"sharedWith\":[]}");
            assertThat(call(event).getStatusCode()).isEqualTo(200);
        }
        JsonNode withdrawn = body(call(Events.load("post-allocation-run-dry-run.json")));
        assertThat(withdrawn.get("totals").get("withdrawn").asInt()).isEqualTo(6);
        assertThat(withdrawn.get("totals").get("redistributionGbp").asText()).isEqualTo("37800.00");

        APIGatewayV2HTTPResponse restored = call(putSubmission);

        assertThat(restored.getStatusCode()).isEqualTo(200);
        assertThat(body(restored).get("submission").get("sharedWith")).hasSize(2);
        JsonNode funded = body(call(Events.load("post-allocation-run-dry-run.json")));
        assertThat(funded.get("totals").get("withdrawn").asInt()).isZero();
    }

    @ParameterizedTest
    @Event(value = "post-allocation-run-dry-run.json", type = APIGatewayV2HTTPEvent.class)
    void badRequestsNameTheirField(APIGatewayV2HTTPEvent dryRun) throws Exception {
        call(Events.load("put-programme.json"));

        dryRun.setBody("{\"mode\":\"MAYBE\"}");
        assertThat(body(call(dryRun)).get("error").get("details").get(0).get("field").asText()).isEqualTo("mode");
        dryRun.setBody("{\"mode\":");
        assertThat(body(call(dryRun)).get("error").get("details").get(0).get("field").asText()).isEqualTo("body");
        APIGatewayV2HTTPEvent submission = withPath(Events.load("put-submission.json"), "partnershipId", "atlantis");
        APIGatewayV2HTTPResponse unknown = call(submission);
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(body(unknown).toString()).contains("atlantis");
    }

    @ParameterizedTest
    @Event(value = "put-programme.json", type = APIGatewayV2HTTPEvent.class)
    void aRunOverBudgetIsRefused(APIGatewayV2HTTPEvent putProgramme) throws Exception {
        ObjectNode document = (ObjectNode) Json.parse(putProgramme.getBody());
        document.put("grantBudget", "372399.99");
        putProgramme.setBody(Json.write(document));
        String inputHash = body(call(putProgramme)).get("inputHash").asText();
        APIGatewayV2HTTPEvent commit = Events.load("post-allocation-run-commit.json");
        commit.setBody("{\"mode\": \"COMMIT\", \"inputHash\": \"" + inputHash + "\"}");

        APIGatewayV2HTTPResponse response = call(commit);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response).get("error").get("code").asText()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(body(call(Events.load("list-allocation-runs.json"))).get("runs")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "list-allocation-runs.json", type = APIGatewayV2HTTPEvent.class)
    void anUnexpectedFailureIsA500WithARequestIdAndNoInternals(APIGatewayV2HTTPEvent list) {
        AllocateGrantsHandler broken = new AllocateGrantsHandler(new Wiring(Environment.of(Map.of(Environment.TABLE, "no-such-table", Environment.EXPORT_BUCKET, "exports")), aws, Clock.systemUTC()));
        LocalLambdaContext context = new LocalLambdaContext("AllocateGrantsFunction");

        APIGatewayV2HTTPResponse response = broken.handleRequest(list, context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(body(response).get("error").get("requestId").asText()).isEqualTo(context.getAwsRequestId());
        assertThat(response.getBody()).doesNotContain("no-such-table", "Exception", "ResourceNotFound");
    }

    @ParameterizedTest
    @Event(value = "list-allocation-runs.json", type = APIGatewayV2HTTPEvent.class)
    void snapStartPrimingGoesThroughEveryLayerAndLeavesNoTrace(APIGatewayV2HTTPEvent list) {
        handler.beforeCheckpoint(null);

        APIGatewayV2HTTPEvent primed = withPath(list, "programmeId", "snapstart-priming");
        assertThat(call(primed).getStatusCode()).as("priming stored no programme").isEqualTo(404);
    }

    @ParameterizedTest
    @Event(value = "post-bulletin.json", type = APIGatewayV2HTTPEvent.class)
    void aBulletinIsQueuedOncePerDistinctAddress(APIGatewayV2HTTPEvent bulletin) {
        call(Events.load("put-programme.json"));

        APIGatewayV2HTTPResponse first = call(bulletin);
        APIGatewayV2HTTPResponse again = call(bulletin);

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(body(first).get("emails").asInt()).isEqualTo(76);
        assertThat(body(again).get("emails").asInt()).isEqualTo(76);
        bulletin.setBody(bulletin.getBody().replace("October e-briefing", "Another subject"));
        assertThat(call(bulletin).getStatusCode()).as("same id, other content").isEqualTo(409);
        bulletin.setBody("{\"bulletinId\":\"b2\",\"subject\":\"x\",\"body\":\"y\",\"audience\":\"EVERYONE\"}");
        assertThat(body(call(bulletin)).get("error").get("details").get(0).get("field").asText()).isEqualTo("audience");
    }

    @ParameterizedTest
    @Event(value = "get-allocation-run-notices.json", type = APIGatewayV2HTTPEvent.class)
    void noticeStatusesAndResendsAreNamedByRun(APIGatewayV2HTTPEvent getNotices) {
        call(Events.load("put-programme.json"));
        String runId = body(call(Events.load("post-allocation-run-commit.json"))).get("runId").asText();

        APIGatewayV2HTTPResponse statuses = call(withPath(getNotices, "runId", runId));
        APIGatewayV2HTTPResponse resend = call(withPath(Events.load("post-resend-notice.json"), "runId", runId));

        assertThat(statuses.getStatusCode()).isEqualTo(200);
        assertThat(body(statuses).get("notices")).as("QueueNotices has not run here").isEmpty();
        assertThat(resend.getStatusCode()).as("nothing to re-issue yet").isEqualTo(404);
        assertThat(call(Events.load("get-allocation-run-notices.json")).getStatusCode()).as("unknown run").isEqualTo(404);
    }

    @ParameterizedTest
    @Event(value = "get-allocation-run-exports.json", type = APIGatewayV2HTTPEvent.class)
    void exportLinksWaitForACompleteExport(APIGatewayV2HTTPEvent exports) {
        call(Events.load("put-programme.json"));

        APIGatewayV2HTTPResponse notYet = call(exports);
        exports.setQueryStringParameters(Map.of("expiresInSeconds", "604801"));
        APIGatewayV2HTTPResponse tooLong = call(exports);

        assertThat(notYet.getStatusCode()).isEqualTo(404);
        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(body(tooLong).get("error").get("details").get(0).get("field").asText()).isEqualTo("expiresInSeconds");
    }

    @ParameterizedTest
    @Event(value = "post-upload.json", type = APIGatewayV2HTTPEvent.class)
    void aProgrammeTooLargeForARequestIsUploadedThenImported(APIGatewayV2HTTPEvent upload) throws Exception {
        JsonNode link = body(call(upload));
        java.net.HttpURLConnection put = (java.net.HttpURLConnection) java.net.URI.create(link.get("uploadUrl").asText())
                .toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        try (var out = put.getOutputStream()) {
            out.write(Events.load("put-programme.json").getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(put.getResponseCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent importing = Events.load("post-import.json");
        importing.setBody("{\"uploadId\":\"" + link.get("uploadId").asText() + "\"}");

        APIGatewayV2HTTPResponse imported = call(importing);
        APIGatewayV2HTTPResponse unknown = call(Events.load("post-import.json"));

        assertThat(imported.getStatusCode()).isEqualTo(201);
        assertThat(body(imported).get("partnerships").asInt()).isEqualTo(38);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        importing.setBody("{\"uploadId\":\"../../etc\"}");
        assertThat(body(call(importing)).get("error").get("details").get(0).get("field").asText()).isEqualTo("uploadId");
    }
}
