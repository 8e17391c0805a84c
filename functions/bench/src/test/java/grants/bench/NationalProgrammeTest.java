package grants.bench;

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
import grants.functions.allocate.AllocateGrantsHandler;
import grants.functions.commitruns.CommitRunsHandler;
import grants.functions.export.ExportFinanceHandler;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.StreamEvents;
import grants.http.Identity;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme of national size through the API on the local stack, as a national scheme would go:
 * uploaded (too large for a request), previewed a page at a time, committed as a background job whose
 * progress is followed, read back a page at a time, and exported. No answer may pass the 6 MB a Lambda
 * response carries, and the rows add up to the run's totals to the penny.
 *
 * <p>18,000 partnerships in every build: already four pages of every listing, a document over the
 * request limit and a commit in the background, in a fraction of the time 100,000 take on two cores.
 * {@code -Dgrants.national.partnerships=100000} takes the full national programme through the same
 * steps (as the e2e bench does when it measures them).
 */
class NationalProgrammeTest {

    private static final int PARTNERSHIPS = Integer.getInteger("grants.national.partnerships", 18_000);
    private static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    private static final String RUNS = "POST /programmes/{programmeId}/allocation-runs";

    private int largestResponse;

    @Test
    void aNationalProgrammeGoesThroughUploadPagedPreviewCommitAndExport() throws Exception {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), "national");
            AuditTable.createIfMissing(aws.dynamoDb(), "national-audit");
            aws.s3().createBucket(r -> r.bucket("national-exports"));
            Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, "national", Environment.AUDIT_TABLE, "national-audit", Environment.EXPORT_BUCKET,
                    "national-exports", Environment.SENDER_EMAIL, "grants@example.org")), aws, Clock.systemUTC());
            AllocateGrantsHandler api = new AllocateGrantsHandler(wiring);
            String programmeId = "national";
            Map<String, String> programme = Map.of("programmeId", programmeId);

            String document = Json.write(RegionGenerator.region(programmeId, PARTNERSHIPS, 7));
            assertThat(document.length()).as("the document, too large to send in a request").isGreaterThan(LAMBDA_PAYLOAD_LIMIT);
            String url = call(api, "POST /programmes/{programmeId}/uploads", programme, Map.of(), "").get("uploadUrl").asText();
            EndToEnd.upload(url, document);
            String uploadId = url.replaceAll(".*/uploads/[^/]+/([0-9a-f-]{36})\\.json.*", "$1");
            call(api, "POST /programmes/{programmeId}/imports", programme, Map.of(), "{\"uploadId\":\"" + uploadId + "\"}");

            JsonNode preview = call(api, RUNS, programme, Map.of("limit", "5000"), "{\"mode\":\"DRY_RUN\"}");
            String inputHash = preview.get("inputHash").asText();
            addsUpToTheTotals(preview, after -> call(api, RUNS, programme, Map.of("limit", "5000", "after", after),
                    "{\"mode\":\"DRY_RUN\"}"));

            JsonNode job = call(api, RUNS, programme, Map.of("limit", "5000"),
                    "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}");
            assertThat(job.get("state").asText()).isEqualTo("QUEUED");
            String runId = job.get("runId").asText();
            followedToTheEnd(api, wiring, programmeId, job.get("jobId").asText());
            Map<String, String> run = Map.of("programmeId", programmeId, "runId", runId);
            JsonNode committed = call(api, "GET /programmes/{programmeId}/allocation-runs/{runId}", run,
                    Map.of("limit", "5000"), null);
            assertThat(committed.get("totals")).isEqualTo(preview.get("totals"));
            addsUpToTheTotals(committed, after -> call(api, "GET /programmes/{programmeId}/allocation-runs/{runId}", run,
                    Map.of("limit", "5000", "after", after), null));

            ExportFinanceHandler export = new ExportFinanceHandler(wiring);
            assertThat(export.handleRequest(EndToEnd.committed(programmeId, runId), new LocalLambdaContext("ExportFinance"))
                    .getBatchItemFailures()).isEmpty();
            JsonNode links = call(api, "GET /programmes/{programmeId}/allocation-runs/{runId}/exports", run, Map.of(), null);
            JsonNode manifest = Json.MAPPER.readTree(URI.create(links.get("files").get("manifest.json").asText()).toURL());
            assertThat(manifest.get("totals").get("rows").asInt()).isEqualTo(PARTNERSHIPS);
            assertThat(manifest.get("totals").get("finalGrantsGbp").asText())
                    .isEqualTo(committed.get("totals").get("finalGrantsGbp").asText());
        }
        assertThat(largestResponse).as("the largest answer, in bytes").isLessThan(LAMBDA_PAYLOAD_LIMIT);
    }

    /**
     * The worker on its own thread, as CommitRuns runs beside the API, while the job is read as the
     * console reads it: its rows written only ever grow, and it ends DONE with all of them.
     */
    private void followedToTheEnd(AllocateGrantsHandler api, Wiring wiring, String programmeId, String jobId)
            throws Exception {
        CommitRunsHandler worker = new CommitRunsHandler(wiring);
        Map<String, String> path = Map.of("programmeId", programmeId, "jobId", jobId);
        CompletableFuture<StreamsEventResponse> working = CompletableFuture.supplyAsync(() -> worker.handleRequest(
                StreamEvents.inserted(Keys.commitJobKeys(programmeId, jobId)), new LocalLambdaContext("CommitRuns")));
        List<Integer> progress = new ArrayList<>();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = call(api, "GET /programmes/{programmeId}/commit-jobs/{jobId}", path, Map.of(), null);
            progress.add(job.get("rowsWritten").asInt());
        } while (!job.get("state").asText().equals("DONE") && !working.isDone());
        assertThat(working.get().getBatchItemFailures()).isEmpty();
        job = call(api, "GET /programmes/{programmeId}/commit-jobs/{jobId}", path, Map.of(), null);
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("rowsWritten").asInt()).isEqualTo(PARTNERSHIPS);
        assertThat(progress).as("rows written, as each read of the job saw them").isSorted();
        assertThat(new HashSet<>(progress)).as("progress seen along the way, not only at the end").hasSizeGreaterThan(2);
    }

    private interface Page {
        JsonNode after(String partnershipId);
    }

    /** Every page read, every row once, and their final grants add up to the run's, to the penny. */
    private void addsUpToTheTotals(JsonNode first, Page next) {
        Set<String> seen = new HashSet<>();
        BigDecimal finalGrants = BigDecimal.ZERO;
        JsonNode page = first;
        while (true) {
            for (JsonNode row : page.get("rows")) {
                assertThat(seen.add(row.get("partnershipId").asText())).as("each row once").isTrue();
                finalGrants = finalGrants.add(new BigDecimal(row.get("finalGrantGbp").asText()));
            }
            if (page.at("/rowsPage/next").isNull()) {
                break;
            }
            page = next.after(page.at("/rowsPage/next").asText());
        }
        assertThat(seen).hasSize(PARTNERSHIPS);
        assertThat(finalGrants).isEqualByComparingTo(first.get("totals").get("finalGrantsGbp").asText());
    }

    private JsonNode call(AllocateGrantsHandler api, String route, Map<String, String> path, Map<String, String> query,
                          String body) {
        APIGatewayV2HTTPResponse response = api.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(route)
                .withPathParameters(path).withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("manager@national.example",
                        Role.PROGRAMME_MANAGER)))).build(), new LocalLambdaContext("AllocateGrants"));
        assertThat(response.getStatusCode()).as(route + ": " + response.getBody()).isLessThan(300);
        largestResponse = Math.max(largestResponse, response.getBody().length());
        return Json.parse(response.getBody());
    }
}
