package grants.functions.notices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.core.json.Json;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The EmailFeedback function: SES publishes bounces and complaints of the configuration set to an
 * SNS topic; each marks its notice BOUNCED or COMPLAINED, and a permanent bounce or a complaint puts
 * the address on the suppression list that later notices and bulletins skip.
 */
public class EmailFeedbackHandler implements RequestHandler<SNSEvent, Void> {

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";

    private final NoticeService notices;

    public EmailFeedbackHandler() {
        this(AwsClients.fromEnvironment(), Environment.required(TABLE_ENV));
    }

    public EmailFeedbackHandler(AwsClients aws, String tableName) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        DynamoNoticeStore store = new DynamoNoticeStore(dynamoDb, tableName, clock);
        this.notices = new NoticeService(new DynamoProgrammeRepository(dynamoDb, tableName, clock),
                new DynamoAllocationRunRepository(dynamoDb, tableName, clock), store, store, clock);
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            JsonNode feedback = Json.parse(record.getSNS().getMessage());
            String type = feedback.path("eventType").asText(feedback.path("notificationType").asText());
            String messageId = feedback.path("mail").path("messageId").asText();
            List<String> addresses = new ArrayList<>();
            if (type.equals("Bounce")) {
                feedback.path("bounce").path("bouncedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
                boolean permanent = feedback.path("bounce").path("bounceType").asText().equals("Permanent");
                notices.recordFeedback(messageId, NoticeState.BOUNCED, addresses, permanent,
                        "bounced (" + feedback.path("bounce").path("bounceType").asText() + "): " + addresses);
            } else if (type.equals("Complaint")) {
                feedback.path("complaint").path("complainedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
                notices.recordFeedback(messageId, NoticeState.COMPLAINED, addresses, true, "complaint from " + addresses);
            }
        }
        return null;
    }
}
