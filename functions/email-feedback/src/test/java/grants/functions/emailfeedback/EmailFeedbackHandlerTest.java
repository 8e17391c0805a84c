package grants.functions.emailfeedback;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeState;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EmailFeedback on the emulators: SES's bounce and complaint events mark notices and suppress addresses. */
class EmailFeedbackHandlerTest {

    private Wiring wiring;
    private EmailFeedbackHandler handler;
    private AwsClients aws;
    private String table;

    @BeforeEach
    void aSentNotice() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")), aws, Clock.systemUTC());
        handler = new EmailFeedbackHandler(wiring);
        wiring.notices().create(Notice.queued("wm", "run-1/rugby/FUNDED", NoticeKind.FUNDED, "run-1", "rugby", null,
                List.of("clerk@rugby.gov.uk", "champion@rugby.gov.uk"), null, Instant.now()));
        wiring.notices().claim("wm", "run-1/rugby/FUNDED");
        wiring.notices().sent("wm", "run-1/rugby/FUNDED", "0100-abc", List.of());
    }

    private static SNSEvent notifications(String... messages) {
        List<SNSEvent.SNSRecord> records = new ArrayList<>();
        for (String message : messages) {
            SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
            record.setSns(new SNSEvent.SNS().withMessage(message).withMessageId("sns-" + records.size()));
            records.add(record);
        }
        SNSEvent event = new SNSEvent();
        event.setRecords(records);
        return event;
    }

    private static String bounce(String type, String address) {
        return "{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"0100-abc\"},\"bounce\":{\"bounceType\":\"" + type
                + "\",\"bouncedRecipients\":[{\"emailAddress\":\"" + address + "\"}]}}";
    }

    @Test
    void aPermanentBounceMarksTheNoticeAndSuppressesTheAddress() {
        handler.handleRequest(notifications(bounce("Permanent", "clerk@rugby.gov.uk")), null);

        assertThat(wiring.notices().get("wm", "run-1/rugby/FUNDED").orElseThrow().state()).isEqualTo(NoticeState.BOUNCED);
        assertThat(wiring.notices().suppressed(List.of("clerk@rugby.gov.uk", "champion@rugby.gov.uk")))
                .containsExactly("clerk@rugby.gov.uk");
    }

    @Test
    void aTransientBounceMarksTheNoticeButSuppressesNobody() {
        handler.handleRequest(notifications(bounce("Transient", "clerk@rugby.gov.uk")), null);

        assertThat(wiring.notices().get("wm", "run-1/rugby/FUNDED").orElseThrow().state()).isEqualTo(NoticeState.BOUNCED);
        assertThat(wiring.notices().suppressed(List.of("clerk@rugby.gov.uk"))).isEmpty();
    }

    @Test
    void aComplaintSuppressesTheAddressEvenWhenAnotherNotificationInTheBatchIsBroken() {
        String complaint = "{\"eventType\":\"Complaint\",\"mail\":{\"messageId\":\"0100-abc\"},"
                + "\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"champion@rugby.gov.uk\"}]}}";

        assertThatThrownBy(() -> handler.handleRequest(notifications("not json", complaint), null))
                .hasMessageContaining("1 of 2");

        assertThat(wiring.notices().get("wm", "run-1/rugby/FUNDED").orElseThrow().state()).isEqualTo(NoticeState.COMPLAINED);
        assertThat(wiring.notices().suppressed(List.of("champion@rugby.gov.uk"))).containsExactly("champion@rugby.gov.uk");
    }

    @Test
    void primingForSnapStartSuppressesNobodyAndChangesNothing() {
        var before = aws.dynamoDb().scan(r -> r.tableName(table)).items();

        handler.beforeCheckpoint(null);

        assertThat(aws.dynamoDb().scan(r -> r.tableName(table)).items()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table + "-audit")).count()).isZero();
    }
}
