package grants.adapters.dynamodb;

import grants.core.mail.SendLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * At-most-once sending with conditional writes: a claim is an item that must not exist yet (or
 * be a claim so old that its sender must have died); sending marks it SENT with the message id.
 */
public final class DynamoSendLog implements SendLog {

    /** A claim older than this was left by a sender that crashed; another may take it over. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoSendLog(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> key(String key) {
        return GrantsTable.key("SEND#" + key, "SEND");
    }

    @Override
    public boolean claim(String key) {
        long now = clock.millis();
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(key(key))
                    .updateExpression("SET #state = :claimed, claimedAt = :now")
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :claimed AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"), ":now", GrantsTable.n(now),
                            ":stale", GrantsTable.n(now - STALE_CLAIM.toMillis()))));
            return true;
        } catch (ConditionalCheckFailedException claimedOrSent) {
            return false;
        }
    }

    @Override
    public void sent(String key, String messageId) {
        dynamoDb.updateItem(request -> request.tableName(tableName).key(key(key))
                .updateExpression("SET #state = :sent, messageId = :id")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":id", s(messageId))));
    }

    @Override
    public void release(String key) {
        try {
            dynamoDb.deleteItem(request -> request.tableName(tableName).key(key(key))
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s("CLAIMED"))));
        } catch (ConditionalCheckFailedException alreadySent) {
            // nothing to release
        }
    }
}
