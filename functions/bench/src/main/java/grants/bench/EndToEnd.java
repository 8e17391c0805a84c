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
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.LedgerService;
import grants.documents.exports.ExportBundle;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.PrintStream;
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
     * ExportFinance's handler, which then finds them written, adds the ledger's two files and announces
     * them all; {@code intake} is the ledger's intake recording the run's commitment, started at the same
     * moment as ExportFinance (the table's stream hands the run to both at once), which ExportFinance
     * waits for ({@code LEDGER_WAIT_SECONDS} 20, as on AWS). Each function has a wiring of its own, as
     * on AWS, where none shares another's memory.
     */
    record Result(int partnerships, long load, long dryRun, long commit, long files, long export, long intake,
                  long floorWrite, long floorPut, long exportBytes) {
    }

    private EndToEnd() {
    }

    static Result run(int partnerships, int attempt, PrintStream log) {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            Map<String, String> settings = tableAndBucket(aws);
            String table = settings.get(Environment.TABLE);
            String bucket = settings.get(Environment.EXPORT_BUCKET);
            Environment environment = Environment.of(settings);
            Map<String, String> exportSettings = new HashMap<>(settings);
            exportSettings.put(Environment.LEDGER_WAIT_SECONDS, "20");
            Wiring wiring = new Wiring(environment, aws, java.time.Clock.systemUTC());
            AllocateGrantsHandler api = new AllocateGrantsHandler(wiring);
            String programmeId = "bench-" + partnerships + "-" + attempt;
            String document = Json.write(RegionGenerator.region(programmeId, partnerships, 42 + attempt));
            log.printf("  %d partnerships, run %d: document %d MB%n", partnerships, attempt, document.length() / 1_000_000);

            long load = Stopwatch.millis(() -> store(api, programmeId, document));
            String[] inputHash = new String[1];
            long dryRun = Stopwatch.millis(() -> inputHash[0] = dryRun(api, programmeId));
            String[] runId = new String[1];
            CommitRunsHandler worker = new CommitRunsHandler(wiring);
            long commit = Stopwatch.millis(() -> runId[0] = commit(api, worker, programmeId, inputHash[0]));
            // The stream hands the committed run to the ledger's intake and to ExportFinance at once.
            CommitmentIntake intake = intake(new Wiring(environment, aws, java.time.Clock.systemUTC()));
            ExportFinanceHandler export = new ExportFinanceHandler(new Wiring(Environment.of(exportSettings), aws,
                    java.time.Clock.systemUTC()));
            long[] intakeTime = new long[1];
            Thread intakeThread = new Thread(() -> {
                try {
                    intakeTime[0] = Stopwatch.millis(() -> intake.fromRun(programmeId, runId[0]));
                } catch (RuntimeException refused) {
                    intakeTime[0] = -1;
                    log.println("  the ledger's intake refused the run: " + refused);
                }
            }, "ledger-intake");
            long exportTime = Stopwatch.millis(() -> {
                intakeThread.start();
                if (!export.handleRequest(committed(programmeId, runId[0]), new LocalLambdaContext("bench"))
                        .getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException("export failed");
                }
            });
            try {
                intakeThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
            return new Result(partnerships, load, dryRun, commit, filesTime, exportTime, intakeTime[0], floorWrite, floorPut,
                    exportBytes);
        }
    }

    /**
     * The same programme stored, dry run and committed as {@link #run} does it (through AllocateGrants, the
     * commit of a large programme as a job handed to CommitRuns' worker), untimed: for benches that start
     * from a committed run. The run's id.
     */
    static String committedRun(Wiring wiring, String programmeId, int partnerships, int attempt, PrintStream log) {
        AllocateGrantsHandler api = new AllocateGrantsHandler(wiring);
        String document = Json.write(RegionGenerator.region(programmeId, partnerships, 42 + attempt));
        log.printf("  %d partnerships, run %d: document %d MB%n", partnerships, attempt, document.length() / 1_000_000);
        store(api, programmeId, document);
        return commit(api, new CommitRunsHandler(wiring), programmeId, dryRun(api, programmeId));
    }

    /** Too large for an API request on AWS: uploaded by presigned PUT, then imported. */
    private static void store(AllocateGrantsHandler api, String programmeId, String document) {
        String url = Json.parse(call(api, "POST /programmes/{programmeId}/uploads", programmeId, "").getBody())
                .get("uploadUrl").asText();
        String uploadId = url.replaceAll(".*/uploads/[^/]+/([0-9a-f-]{36})\\.json.*", "$1");
        upload(url, document);
        call(api, "POST /programmes/{programmeId}/imports", programmeId, "{\"uploadId\":\"" + uploadId + "\"}");
    }

    /** The dry run's input hash, which the commit confirms. */
    private static String dryRun(AllocateGrantsHandler api, String programmeId) {
        return Json.parse(call(api, "POST /programmes/{programmeId}/allocation-runs", programmeId,
                "{\"mode\":\"DRY_RUN\"}").getBody()).get("inputHash").asText();
    }

    /** A large programme's commit is a job: the request, then the worker the stream would start. */
    private static String commit(AllocateGrantsHandler api, CommitRunsHandler worker, String programmeId, String inputHash) {
        APIGatewayV2HTTPResponse answer = call(api, "POST /programmes/{programmeId}/allocation-runs", programmeId,
                "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}");
        String runId = Json.parse(answer.getBody()).get("runId").asText();
        if (answer.getStatusCode() == 202 && !worker.handleRequest(StreamEvents.inserted(Keys.commitJobKeys(programmeId,
                runId)), new LocalLambdaContext("bench")).getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("commit job failed");
        }
        return runId;
    }

    /** The bench's table, audit table and export bucket, made on the stack; the settings that name them. */
    static Map<String, String> tableAndBucket(AwsClients aws) {
        String table = "bench";
        String bucket = "bench-exports";
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(r -> r.bucket(bucket));
        return Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, bucket, Environment.SENDER_EMAIL, "bench@example.org");
    }

    /** The ledger's intake of a committed run, as RecordCommitments builds it. */
    private static CommitmentIntake intake(Wiring wiring) {
        return new CommitmentIntake(new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()),
                wiring.clock()), wiring.programmes(), wiring.runs(), wiring.rounds(), wiring.clock());
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
        AttributeValue reason = AttributeValue.fromS("x".repeat(300));
        floorWrites(dynamoDb, table, java.util.stream.IntStream.range(0, items)
                .mapToObj(i -> Map.of(GrantsTable.PK, AttributeValue.fromS("FLOOR"),
                        GrantsTable.SK, AttributeValue.fromS("ITEM-" + i), "reason", reason)).toList());
    }

    /** Items as they are, 25 to a BatchWriteItem, whatever comes back unprocessed sent again: nothing else. */
    static void floorWrites(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(from + 25, items.size())).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }
}
