package grants.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import grants.adapters.dynamodb.Keys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the functions work through a batch: what is retried, and what is never looked at. */
class BatchesTest {

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequence, Map<String, String> keys) {
        Map<String, AttributeValue> values = new HashMap<>();
        keys.forEach((name, value) -> values.put(name, new AttributeValue().withS(value)));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(new StreamRecord().withKeys(values).withSequenceNumber(sequence));
        return record;
    }

    private static DynamodbEvent stream(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    @Test
    void aStreamBatchStopsAtItsFirstFailureAndReportsThatRecord() {
        List<String> done = new ArrayList<>();
        DynamodbEvent event = stream(
                record("INSERT", "1", Keys.committedRunKeys("wm", "run-1")),
                record("INSERT", "2", Keys.committedRunKeys("wm", "run-2")),
                record("INSERT", "3", Keys.committedRunKeys("wm", "run-3")));

        var response = Batches.insertedItems(event, null, item -> {
            String runId = ((Keys.Item.CommittedRun) item).runId();
            if (runId.equals("run-2")) {
                throw new IllegalStateException("the bucket is unreachable");
            }
            done.add(runId);
        });

        assertThat(done).containsExactly("run-1");
        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo("2"));
    }

    /** SES's refusals quote the recipient; the log line keeps the failure and drops the address. */
    @Test
    void aFailureIsLoggedWithoutTheAddressesItsMessageQuotes() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Batches.messages(event, null, m -> {
                throw new IllegalStateException("SES answered 400 MessageRejected: Email address is not verified:"
                        + " Clerk@Rugby.gov.uk");
            });
        } finally {
            System.setErr(stderr);
        }

        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("ERROR on message m-1", "MessageRejected", "[address]").doesNotContain("Clerk", "Rugby.gov.uk");
    }

    @Test
    void changesRemovalsAndRecordsWithoutKeysAreNotActedOn() {
        List<Keys.Item> seen = new ArrayList<>();
        DynamodbEvent.DynamodbStreamRecord noKeys = new DynamodbEvent.DynamodbStreamRecord();
        noKeys.setEventName("INSERT");

        Batches.insertedItems(stream(record("MODIFY", "1", Keys.committedRunKeys("wm", "run-1")),
                record("REMOVE", "2", Keys.committedRunKeys("wm", "run-2")), noKeys,
                record("INSERT", "4", Map.of("pk", "SEND#x", "sk", "SEND"))), null, seen::add);

        assertThat(seen).isEmpty();
    }

    @Test
    void aQueueBatchReportsEachMessageThatFailedOrAskedForARetry() {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String id : List.of("ok", "retry", "broken")) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(id);
            messages.add(message);
        }
        event.setRecords(messages);

        SQSBatchResponse response = Batches.messages(event, null, message -> switch (message.getMessageId()) {
            case "retry" -> false;
            case "broken" -> throw new IllegalArgumentException("not a notice message");
            default -> true;
        });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("retry", "broken");
    }

    @Test
    void snsNotificationsAreAllTriedBeforeTheInvocationFails() {
        List<String> done = new ArrayList<>();
        SNSEvent event = new SNSEvent();
        List<SNSEvent.SNSRecord> records = new ArrayList<>();
        for (String message : List.of("bad", "good")) {
            SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
            record.setSns(new SNSEvent.SNS().withMessage(message).withMessageId(message));
            records.add(record);
        }
        event.setRecords(records);

        assertThatThrownBy(() -> Batches.notifications(event, null, message -> {
            if (message.equals("bad")) {
                throw new IllegalStateException("table unreachable");
            }
            done.add(message);
        })).hasMessageContaining("1 of 2");
        assertThat(done).containsExactly("good");
    }
}
