package grants.functions.notices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.sqs.SqsNoticeQueue;
import grants.core.notices.NoticeQueue;
import grants.core.notices.NoticeService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The QueueNotices function, on the grants table's stream (filtered in template.yaml to INSERTs of
 * {@code RUN#} and {@code NOTICE#} items): a committed run gets one notice per partnership, and
 * every new notice (of a run, a re-issue or a bulletin) goes onto the notices queue. Both steps are
 * idempotent, so redelivered records are harmless.
 */
public class QueueNoticesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";
    static final String QUEUE_ENV = "NOTICES_QUEUE_URL";

    private final NoticeService notices;
    private final NoticeQueue queue;

    public QueueNoticesHandler() {
        this(AwsClients.fromEnvironment(), Environment.required(TABLE_ENV), Environment.required(QUEUE_ENV));
    }

    public QueueNoticesHandler(AwsClients aws, String tableName, String queueUrl) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        DynamoNoticeStore store = new DynamoNoticeStore(dynamoDb, tableName, clock);
        this.notices = new NoticeService(new DynamoProgrammeRepository(dynamoDb, tableName, clock),
                new DynamoAllocationRunRepository(dynamoDb, tableName, clock), store, store, clock);
        this.queue = new SqsNoticeQueue(aws.sqs(), queueUrl);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
            if (!"INSERT".equals(record.getEventName()) || keys == null || keys.get("pk") == null || keys.get("sk") == null
                    || !keys.get("pk").getS().startsWith("PROGRAMME#")) {
                continue;
            }
            String programmeId = keys.get("pk").getS().substring("PROGRAMME#".length());
            String sk = keys.get("sk").getS();
            try {
                if (sk.startsWith("RUN#")) {
                    notices.createRunNotices(programmeId, sk.substring("RUN#".length()));
                } else if (sk.startsWith("NOTICE#")) {
                    queue.enqueue(programmeId, List.of(sk.substring("NOTICE#".length())));
                }
            } catch (RuntimeException failure) {
                if (context != null) {
                    context.getLogger().log("ERROR queueing notices for " + sk + ": " + failure);
                }
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
