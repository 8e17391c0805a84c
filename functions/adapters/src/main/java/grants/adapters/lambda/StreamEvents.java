package grants.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event Lambda hands a stream-triggered function for one inserted item, named by its keys (as
 * {@link grants.adapters.dynamodb.Keys} builds them): for tools that play the stream's part, and tests.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static DynamodbEvent inserted(Map<String, String> keys) {
        Map<String, AttributeValue> values = new HashMap<>();
        keys.forEach((name, value) -> values.put(name, new AttributeValue().withS(value)));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(values).withSequenceNumber("1"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
