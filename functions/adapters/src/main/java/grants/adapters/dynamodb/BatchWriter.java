package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts many items with BatchWriteItem, 25 at a time (the service's limit), retrying whatever
 * DynamoDB hands back as unprocessed with exponential backoff until all are written or it gives up.
 */
final class BatchWriter {

    static final int BATCH_SIZE = 25;
    private static final int MAX_ATTEMPTS = 10;

    private BatchWriter() {
    }

    static void putAll(GrantsTable table, List<Map<String, AttributeValue>> items) {
        DynamoDbClient dynamoDb = table.client();
        String tableName = table.name();
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(from + BATCH_SIZE, items.size()))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(dynamoDb, tableName, batch);
        }
    }

    private static void writeBatch(DynamoDbClient dynamoDb, String tableName, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException(pending.get(tableName).size()
                        + " items were still unprocessed after " + MAX_ATTEMPTS + " attempts");
            }
            if (attempt > 1) {
                sleep(Math.min(2_000, 25L << attempt));
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed items", e);
        }
    }
}
