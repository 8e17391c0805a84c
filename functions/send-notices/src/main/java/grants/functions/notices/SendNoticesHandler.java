package grants.functions.notices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.ses.SesMailer;
import grants.core.json.Json;
import grants.core.notices.NoticeSender;
import grants.core.notices.RateLimiter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The SendNotices function, on the notices queue. Each message names a notice; the sender sends it
 * at most once. A message worth retrying (throttling, SES unreachable) is reported as a batch item
 * failure, so SQS delivers it again later, and after several tries moves it to the dead-letter queue.
 */
public class SendNoticesHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";
    static final String SENDER_ENV = "SENDER_EMAIL";
    static final String CONFIGURATION_SET_ENV = "SES_CONFIGURATION_SET";
    static final String RATE_ENV = "NOTICE_RATE_PER_SECOND";

    /** The settings the function runs with; in Lambda, from its environment. */
    public record Settings(String tableName, String senderEmail, String configurationSet, double ratePerSecond) {

        static Settings fromEnvironment() {
            return new Settings(Environment.required(TABLE_ENV), Environment.required(SENDER_ENV),
                    Environment.optional(CONFIGURATION_SET_ENV, null),
                    Double.parseDouble(Environment.optional(RATE_ENV, "1")));
        }
    }

    private final NoticeSender sender;

    public SendNoticesHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
    }

    public SendNoticesHandler(AwsClients aws, Settings settings) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        DynamoNoticeStore store = new DynamoNoticeStore(dynamoDb, settings.tableName(), clock);
        this.sender = new NoticeSender(new DynamoProgrammeRepository(dynamoDb, settings.tableName(), clock),
                new DynamoAllocationRunRepository(dynamoDb, settings.tableName(), clock), store, store,
                new SesMailer(aws.ses(), settings.senderEmail(), settings.configurationSet()),
                RateLimiter.perSecond(settings.ratePerSecond()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> retry = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                JsonNode body = Json.parse(message.getBody());
                NoticeSender.Outcome outcome = sender.send(body.get("programmeId").asText(), body.get("key").asText());
                if (outcome == NoticeSender.Outcome.RETRY) {
                    retry.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (RuntimeException failure) {
                if (context != null) {
                    context.getLogger().log("ERROR sending notice from message " + message.getMessageId() + ": " + failure);
                }
                retry.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(retry);
    }
}
