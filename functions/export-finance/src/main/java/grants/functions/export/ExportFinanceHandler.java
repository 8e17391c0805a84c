package grants.functions.export;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoExportIndex;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.dynamodb.DynamoSendLog;
import grants.adapters.s3.S3ExportStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.ses.SesMailer;
import grants.core.exports.ExportResult;
import grants.core.exports.ExportService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ExportFinance function: the grants table's stream delivers each committed run's header
 * (filtered in template.yaml to INSERTs of {@code RUN#} items), and the run is exported to the
 * bucket and emailed to finance. A failed record is reported back so Lambda retries from it;
 * exports are idempotent and the email goes once, so retries are harmless.
 */
public class ExportFinanceHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";
    static final String BUCKET_ENV = "EXPORT_BUCKET_NAME";
    static final String SENDER_ENV = "SENDER_EMAIL";
    static final String LINK_HOURS_ENV = "EMAIL_LINK_EXPIRY_HOURS";

    /** The settings the function runs with; in Lambda, from its environment. */
    public record Settings(String tableName, String bucket, String senderEmail, Duration emailLinkExpiry) {

        static Settings fromEnvironment() {
            return new Settings(Environment.required(TABLE_ENV), Environment.required(BUCKET_ENV),
                    Environment.required(SENDER_ENV),
                    Duration.ofHours(Long.parseLong(Environment.optional(LINK_HOURS_ENV, "12"))));
        }
    }

    private final ExportService exports;

    public ExportFinanceHandler() {
        this(serviceFor(AwsClients.fromEnvironment(), Settings.fromEnvironment()));
    }

    public ExportFinanceHandler(ExportService exports) {
        this.exports = exports;
    }

    public static ExportService serviceFor(AwsClients aws, Settings settings) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        return new ExportService(new DynamoProgrammeRepository(dynamoDb, settings.tableName(), clock),
                new DynamoAllocationRunRepository(dynamoDb, settings.tableName(), clock),
                new S3ExportStore(aws.s3(), settings.bucket()), new DynamoExportIndex(dynamoDb, settings.tableName()),
                new S3PresignedLinks(aws, settings.bucket()),
                new SesMailer(aws.ses(), settings.senderEmail()), new DynamoSendLog(dynamoDb, settings.tableName(), clock),
                settings.emailLinkExpiry());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Optional<CommittedRun> run = CommittedRun.of(record);
            if (run.isEmpty()) {
                continue;
            }
            try {
                ExportResult result = exports.export(run.get().programmeId(), run.get().runId());
                context.getLogger().log("exported " + result.prefix() + " (" + result.files().size() + " files)"
                        + result.emailMessageId().map(id -> ", emailed finance as " + id).orElse(""));
            } catch (RuntimeException failure) {
                context.getLogger().log("ERROR exporting " + run.get() + ": " + failure);
                // Lambda retries the batch from this record; the ones before it are done.
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** A stream record that is a newly committed run's header, read from its keys. */
    record CommittedRun(String programmeId, String runId) {

        static Optional<CommittedRun> of(DynamodbEvent.DynamodbStreamRecord record) {
            Map<String, AttributeValue> keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
            if (!"INSERT".equals(record.getEventName()) || keys == null || keys.get("pk") == null || keys.get("sk") == null) {
                return Optional.empty();
            }
            String pk = keys.get("pk").getS();
            String sk = keys.get("sk").getS();
            if (pk == null || sk == null || !pk.startsWith("PROGRAMME#") || !sk.startsWith("RUN#")) {
                return Optional.empty();
            }
            return Optional.of(new CommittedRun(pk.substring("PROGRAMME#".length()), sk.substring("RUN#".length())));
        }
    }
}
