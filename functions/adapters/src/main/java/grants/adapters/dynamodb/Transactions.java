package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One DynamoDB transaction whose first write is the change and whose condition decides: written
 * all or none. A transaction cancelled because another met it on the same item
 * ({@code TransactionConflict}) is tried again, and the retry then meets the other's write.
 */
final class Transactions {

    private static final int MAX_ATTEMPTS = 12;

    private Transactions() {
    }

    /** Writes all or none; false when the first write's condition failed (nothing is written). */
    static boolean writeUnlessFirstConditionFails(DynamoDbClient client, List<TransactWriteItem> writes) {
        return write(client, writes, false);
    }

    /** Writes all or none; false when any write's condition failed (nothing is written). */
    static boolean writeUnlessAnyConditionFails(DynamoDbClient client, List<TransactWriteItem> writes) {
        return write(client, writes, true);
    }

    private static boolean write(DynamoDbClient client, List<TransactWriteItem> writes, boolean anyCondition) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                boolean conditionFailed = anyCondition
                        ? reasons.stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))
                        : !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
                if (conditionFailed) {
                    return false;
                }
                boolean conflict = reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict || attempt == MAX_ATTEMPTS) {
                    throw cancelled;
                }
                sleepBefore(attempt);
            }
        }
    }

    /** A put that fails if an item has its key. */
    static TransactWriteItem putNew(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** A put that fails unless the stored item's {@code versionAttribute} is {@code expectedVersion}. */
    static TransactWriteItem putAtVersion(String tableName, Map<String, AttributeValue> item, String versionAttribute,
                                          long expectedVersion) {
        return TransactWriteItem.builder().put(put -> put.tableName(tableName).item(item)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", versionAttribute))
                .expressionAttributeValues(Map.of(":expected", GrantsTable.n(expectedVersion)))).build();
    }

    /** A put whatever is there. */
    static TransactWriteItem put(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(tableName).item(item)).build();
    }

    /** A delete of whatever has the key, if anything has. */
    static TransactWriteItem delete(String tableName, String pk, String sk) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(tableName).key(GrantsTable.key(pk, sk)))
                .build();
    }

    private static void sleepBefore(int attempt) {
        long jitter = ThreadLocalRandom.current().nextLong(5, 10L << Math.min(attempt, 6));
        try {
            Thread.sleep(jitter);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }
}
