package grants.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.dynamodb.Keys;
import grants.core.mail.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way a function works through a batch Lambda hands it, and reports what failed so that
 * only that is delivered again. Every record's work must be idempotent: retries repeat it.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * A table stream's records in order, each an inserted item's keys read by {@link Keys#item}.
     * The first record that fails is reported and the rest are left: Lambda retries the batch
     * from that record, so a stream's order is kept.
     */
    public static StreamsEventResponse insertedItems(DynamodbEvent event, Context context, Consumer<Keys.Item> action) {
        return items(event, context, Set.of("INSERT"), action);
    }

    /** As {@link #insertedItems}, for items inserted or changed (a round's head changes at each stage). */
    public static StreamsEventResponse writtenItems(DynamodbEvent event, Context context, Consumer<Keys.Item> action) {
        return items(event, context, Set.of("INSERT", "MODIFY"), action);
    }

    private static StreamsEventResponse items(DynamodbEvent event, Context context, Set<String> eventNames,
                                              Consumer<Keys.Item> action) {
        for (DynamodbEvent.DynamodbStreamRecord record : records(event.getRecords())) {
            Optional<Keys.Item> item = itemOf(record, eventNames);
            if (item.isEmpty()) {
                continue;
            }
            try {
                action.accept(item.get());
            } catch (RuntimeException failure) {
                log(context, "ERROR on " + item.get() + ": " + failure);
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** The keys of the item a record inserted; empty for changes, removals and records without keys. */
    static Optional<Keys.Item> insertedItem(DynamodbEvent.DynamodbStreamRecord record) {
        return itemOf(record, Set.of("INSERT"));
    }

    private static Optional<Keys.Item> itemOf(DynamodbEvent.DynamodbStreamRecord record, Set<String> eventNames) {
        if (!eventNames.contains(record.getEventName()) || record.getDynamodb() == null) {
            return Optional.empty();
        }
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> keys =
                record.getDynamodb().getKeys();
        if (keys == null || keys.get("pk") == null || keys.get("sk") == null) {
            return Optional.empty();
        }
        return Keys.item(keys.get("pk").getS(), keys.get("sk").getS());
    }

    /**
     * A queue's messages, each on its own: those whose work fails, or asks to be retried by
     * returning false, are reported, so only they come back (and after several tries go to the
     * dead-letter queue).
     */
    public static SQSBatchResponse messages(SQSEvent event, Context context, Predicate<SQSEvent.SQSMessage> done) {
        List<SQSBatchResponse.BatchItemFailure> retry = new ArrayList<>();
        for (SQSEvent.SQSMessage message : records(event.getRecords())) {
            boolean finished;
            try {
                finished = done.test(message);
            } catch (RuntimeException failure) {
                log(context, "ERROR on message " + message.getMessageId() + ": " + failure);
                finished = false;
            }
            if (!finished) {
                retry.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(retry);
    }

    /**
     * SNS notifications, each on its own. SNS has no partial batch response: when any failed, the
     * invocation fails after the others are done, so SNS delivers again (and then to the
     * subscription's dead-letter queue); the work is idempotent, so the repeats are harmless.
     */
    public static void notifications(SNSEvent event, Context context, Consumer<String> action) {
        int failed = 0;
        for (SNSEvent.SNSRecord record : records(event.getRecords())) {
            try {
                action.accept(record.getSNS().getMessage());
            } catch (RuntimeException failure) {
                log(context, "ERROR on notification " + record.getSNS().getMessageId() + ": " + failure);
                failed++;
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + event.getRecords().size() + " notifications failed");
        }
    }

    private static <T> List<T> records(List<T> records) {
        return records == null ? List.of() : records;
    }

    /** A failure's message may quote a recipient (SES's do): addresses never reach the log. */
    private static void log(Context context, String unredacted) {
        String line = Redaction.withoutAddresses(unredacted);
        if (context != null) {
            context.getLogger().log(line);
        } else {
            System.err.println(line);
        }
    }
}
