package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.GrantsTable;
import grants.functions.allocate.AllocateGrantsHandler;
import grants.functions.export.ExportFinanceHandler;
import grants.functions.support.SupportDaysHandler;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The system's functions running in this JVM against the embedded AWS stack, called with the
 * same events the deployed functions receive (API Gateway requests, table stream records), so the
 * local runner exercises the very code that runs in Lambda.
 */
final class LocalFunctions implements AutoCloseable {

    static final String TABLE_NAME = "grants-local";
    static final String EXPORT_BUCKET = "grants-local-exports";
    static final String SENDER = "grants-local@example.org";

    private final LocalAwsStack stack;
    private final AwsClients aws;
    private final AllocateGrantsHandler allocateGrants;
    private SupportDaysHandler supportDays;
    private final LocalTableStream tableStream;
    private ExportFinanceHandler exportFinance;

    private LocalFunctions(LocalAwsStack stack, AwsClients aws, Path stateDirectory) {
        this.stack = stack;
        this.aws = aws;
        this.allocateGrants = new AllocateGrantsHandler(aws,
                new AllocateGrantsHandler.Settings(TABLE_NAME, EXPORT_BUCKET, Duration.ofHours(1)));
        this.tableStream = new LocalTableStream(aws.dynamoDb(), aws.dynamoDbStreams(), TABLE_NAME,
                stateDirectory.resolve("stream-checkpoints.properties"));
    }

    static LocalFunctions start(Path stateDirectory) {
        LocalAwsStack stack = LocalAwsStack.persistent(stateDirectory);
        try {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), TABLE_NAME);
            return new LocalFunctions(stack, aws, stateDirectory.toAbsolutePath());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    APIGatewayV2HTTPResponse allocateGrants(String routeKey, Map<String, String> pathParameters, String body,
                                            Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
        return allocateGrants.handleRequest(event, new LocalLambdaContext("AllocateGrantsFunction"));
    }

    APIGatewayV2HTTPResponse supportDays(String routeKey, Map<String, String> pathParameters, String body,
                                         Map<String, String> headers, Map<String, String> query) {
        if (supportDays == null) {
            ensureExportBucket();
            supportDays = new SupportDaysHandler(aws, TABLE_NAME, EXPORT_BUCKET);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
        return supportDays.handleRequest(event, new LocalLambdaContext("SupportDaysFunction"));
    }

    /** Hands the table's new stream records to the stream-triggered functions, as Lambda would. */
    void deliverTableStream() {
        LocalTableStream.Batch batch = tableStream.newRecords();
        if (batch.records().isEmpty()) {
            return;
        }
        StreamsEventResponse response = exportFinance().handleRequest(batch.event(),
                new LocalLambdaContext("ExportFinanceFunction"));
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("ExportFinance failed on stream record "
                    + response.getBatchItemFailures().get(0).getItemIdentifier() + "; run the command again to retry");
        }
        tableStream.checkpoint(batch);
    }

    /** The programme a committed run belongs to (a scan: fine for a laptop's table). */
    Optional<String> programmeOfRun(String runId) {
        return aws.dynamoDb().scanPaginator(request -> request.tableName(TABLE_NAME)
                        .filterExpression("sk = :run")
                        .expressionAttributeValues(Map.of(":run", AttributeValue.fromS("RUN#" + runId))))
                .items().stream().findFirst().map(item -> item.get("pk").s().substring("PROGRAMME#".length()));
    }

    private ExportFinanceHandler exportFinance() {
        if (exportFinance == null) {
            ensureExportBucket();
            exportFinance = new ExportFinanceHandler(ExportFinanceHandler.serviceFor(aws,
                    new ExportFinanceHandler.Settings(TABLE_NAME, EXPORT_BUCKET, SENDER, Duration.ofHours(12))));
        }
        return exportFinance;
    }

    private void ensureExportBucket() {
        try {
            aws.s3().createBucket(request -> request.bucket(EXPORT_BUCKET));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // made by an earlier run
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
