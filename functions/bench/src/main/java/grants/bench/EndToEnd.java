package grants.bench;

import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.StreamEvents;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import grants.documents.Json;
import grants.functions.allocate.AllocateGrantsHandler;
import grants.functions.commitruns.CommitRunsHandler;
import grants.functions.export.ExportFinanceHandler;
import grants.localaws.LocalAwsStack;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.exports.ExportFiles;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.documents.exports.ExportBundle;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run on the embedded stack, through the functions' handlers: upload and import the
 * programme (the way in for documents over the 6 MB an API request carries), dry run, commit, export. Beside it, in the same stack and run, the floor: the commit's rows written by
 * plain chunked BatchWriteItem, and the export's bytes written by one PutObject.
 */
final class EndToEnd {

    /**
     * {@code commit} includes the worker's writing of the export files from the rows it holds;
     * {@code files} is that writing alone, timed again on the same run; {@code export} is
     * ExportFinance's handler, which then finds them written and announces them.
     */
    record Result(int partnerships, long load, long dryRun, long commit, long files, long export, long floorWrite,
                  long floorPut, long exportBytes) {
    }

    private EndToEnd() {
    }

    static Result run(int partnerships, int attempt, PrintStream log) {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            String table = "bench";
            String bucket = "bench-exports";
            GrantsTable.createIfMissing(aws.dynamoDb(), table);
            AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
            aws.s3().createBucket(r -> r.bucket(bucket));
            Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.EXPORT_BUCKET, bucket,
                    Environment.SENDER_EMAIL, "bench@example.org")), aws, java.time.Clock.systemUTC());
            AllocateGrantsHandler api = new AllocateGrantsHandler(wiring);
            ExportFinanceHandler export = new ExportFinanceHandler(wiring);
            String programmeId = "bench-" + partnerships + "-" + attempt;
            String document = Json.write(RegionGenerator.region(programmeId, partnerships, 42 + attempt));
            log.printf("  %d partnerships, run %d: document %d MB%n", partnerships, attempt, document.length() / 1_000_000);

            // Too large for an API request on AWS: uploaded by presigned PUT, then imported.
            long load = Stopwatch.millis(() -> {
                String url = Json.parse(call(api, "POST /programmes/{programmeId}/uploads", programmeId, "").getBody())
                        .get("uploadUrl").asText();
                String uploadId = url.replaceAll(".*/uploads/[^/]+/([0-9a-f-]{36})\\.json.*", "$1");
                upload(url, document);
                call(api, "POST /programmes/{programmeId}/imports", programmeId, "{\"uploadId\":\"" + uploadId + "\"}");
            });
            String[] inputHash = new String[1];
            long dryRun = Stopwatch.millis(() -> inputHash[0] = Json.parse(call(api,
                    "POST /programmes/{programmeId}/allocation-runs", programmeId, "{\"mode\":\"DRY_RUN\"}").getBody())
                    .get("inputHash").asText());
            String[] runId = new String[1];
            CommitRunsHandler worker = new CommitRunsHandler(wiring);
            // A large programme's commit is a job: its time is the request's and the worker's together.
            long commit = Stopwatch.millis(() -> {
                APIGatewayV2HTTPResponse answer = call(api, "POST /programmes/{programmeId}/allocation-runs", programmeId,
                        "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash[0] + "\"}");
                runId[0] = Json.parse(answer.getBody()).get("runId").asText();
                if (answer.getStatusCode() == 202 && !worker.handleRequest(StreamEvents.inserted(Keys.commitJobKeys(programmeId,
                        runId[0])), new LocalLambdaContext("bench")).getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException("commit job failed");
                }
            });
            long exportTime = Stopwatch.millis(() -> {
                if (!export.handleRequest(committed(programmeId, runId[0]), new LocalLambdaContext("bench"))
                        .getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException("export failed");
                }
            });
            long exportBytes = aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix("exports/" + programmeId))
                    .contents().stream().mapToLong(o -> o.size()).sum();

            // The files from the rows in hand, as the worker wrote them within the commit, timed on their own.
            AllocationRun run = new AllocationRun(wiring.runs().header(programmeId, runId[0]).orElseThrow(),
                    wiring.runs().rows(programmeId, runId[0]));
            Programme snapshot = wiring.programmes().snapshot(programmeId, run.header().inputHash()).orElseThrow();
            ExportFiles files = new ExportFiles(new ExportBundle(), new S3PresignedLinks(aws, bucket));
            long filesTime = Stopwatch.millis(() -> files.writeAhead(snapshot, run));

            long floorWrite = Stopwatch.millis(() -> plainBatchWrites(aws.dynamoDb(), table, partnerships));
            byte[] bytes = new byte[(int) exportBytes];
            new java.util.Random(1).nextBytes(bytes);
            long floorPut = Stopwatch.millis(() -> aws.s3().putObject(r -> r.bucket(bucket).key("floor/one-object"),
                    RequestBody.fromBytes(bytes)));
            return new Result(partnerships, load, dryRun, commit, filesTime, exportTime, floorWrite, floorPut, exportBytes);
        }
    }

    static void upload(String url, String document) {
        try {
            java.net.HttpURLConnection put = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setFixedLengthStreamingMode(document.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            try (var out = put.getOutputStream()) {
                out.write(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (put.getResponseCode() != 200) {
                throw new IllegalStateException("upload answered " + put.getResponseCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPResponse call(AllocateGrantsHandler api, String route, String programmeId, String body) {
        APIGatewayV2HTTPResponse response = api.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(route)
                .withPathParameters(Map.of("programmeId", programmeId)).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(Identity.verified(Identity.claimsOf(
                        Actor.system("bench@grants.local", Role.PROGRAMME_MANAGER))))
                .build(), new LocalLambdaContext("bench"));
        if (response.getStatusCode() >= 400) {
            throw new IllegalStateException(route + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    static DynamodbEvent committed(String programmeId, String runId) {
        return StreamEvents.inserted(Keys.committedRunKeys(programmeId, runId));
    }

    /** The floor: as many row-sized items, 25 to a BatchWriteItem, nothing else. */
    private static void plainBatchWrites(DynamoDbClient dynamoDb, String table, int items) {
        String reason = "x".repeat(300);
        for (int from = 0; from < items; from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + 25, items); i++) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>(
                        Map.of(GrantsTable.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("FLOOR"),
                                GrantsTable.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ITEM-" + i)));
                item.put("reason", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(reason));
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }
}
