package grants.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Plays Lambda's part for the table's stream on the local stack: reads the records DynamoDB Local
 * has not yet handed over (a checkpoint per shard is kept in the state folder) and turns them into
 * the DynamodbEvent a stream-triggered function receives. Keys and event names only: that is all
 * the functions read.
 */
final class LocalTableStream {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final Path checkpointFile;

    LocalTableStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String tableName, Path checkpointFile) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.tableName = tableName;
        this.checkpointFile = checkpointFile;
    }

    /** The records since the last checkpoint; call {@link #checkpoint} once they are handled. */
    Batch newRecords() {
        String streamArn = dynamoDb.describeTable(request -> request.tableName(tableName)).table().latestStreamArn();
        Properties checkpoints = loadCheckpoints();
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        Map<String, String> lastSequence = new HashMap<>();
        for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
            String after = checkpoints.getProperty(shard.shardId());
            String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(after == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(after)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = streams.getRecords(request -> request.shardIterator(current));
                if (response.records().isEmpty()) {
                    break;
                }
                for (Record record : response.records()) {
                    records.add(toLambdaRecord(record, streamArn));
                    lastSequence.put(shard.shardId(), record.dynamodb().sequenceNumber());
                }
                iterator = response.nextShardIterator();
            }
        }
        return new Batch(records, lastSequence);
    }

    record Batch(List<DynamodbEvent.DynamodbStreamRecord> records, Map<String, String> lastSequence) {

        DynamodbEvent event() {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(records);
            return event;
        }
    }

    void checkpoint(Batch batch) {
        Properties checkpoints = loadCheckpoints();
        batch.lastSequence().forEach(checkpoints::setProperty);
        try (Writer out = Files.newBufferedWriter(checkpointFile)) {
            checkpoints.store(out, "last stream record handed to the functions, per shard");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties loadCheckpoints() {
        Properties checkpoints = new Properties();
        if (Files.exists(checkpointFile)) {
            try (Reader in = Files.newBufferedReader(checkpointFile)) {
                checkpoints.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return checkpoints;
    }

    private static DynamodbEvent.DynamodbStreamRecord toLambdaRecord(Record record, String streamArn) {
        Map<String, AttributeValue> keys = new HashMap<>();
        record.dynamodb().keys().forEach((name, value) -> keys.put(name, new AttributeValue().withS(value.s())));
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setKeys(keys);
        streamRecord.setNewImage(keys);
        streamRecord.setSequenceNumber(record.dynamodb().sequenceNumber());
        DynamodbEvent.DynamodbStreamRecord lambdaRecord = new DynamodbEvent.DynamodbStreamRecord();
        lambdaRecord.setEventID(record.eventID());
        lambdaRecord.setEventName(record.eventNameAsString());
        lambdaRecord.setEventSource("aws:dynamodb");
        lambdaRecord.setEventSourceARN(streamArn);
        lambdaRecord.setDynamodb(streamRecord);
        return lambdaRecord;
    }
}
