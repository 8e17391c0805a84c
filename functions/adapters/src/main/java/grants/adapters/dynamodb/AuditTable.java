package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Map;
import java.util.UUID;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * The audit table: the audit trail and nothing else, apart from the grants table so that no
 * function's policy on it needs more than {@code PutItem} (and reads for the audit routes).
 *
 * <pre>
 * pk                 sk                          item
 * AUDIT#{trailId}    {at}#{count}#{random UUID}  one change: who, when, what, before and after
 * </pre>
 *
 * Every entry is written by a {@link #put put} conditional on its key being new, alone or inside
 * the transaction of the change it records, so an entry is never overwritten and is there exactly
 * when its change is. Its stream feeds the Object Lock archive (template.yaml, {@code AuditTable}).
 */
public final class AuditTable {

    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private static final int SCHEMA_VERSION = 1;

    private final DynamoDbClient dynamoDb;
    private final String name;

    public AuditTable(DynamoDbClient dynamoDb, String name) {
        this.dynamoDb = dynamoDb;
        this.name = name;
    }

    DynamoDbClient client() {
        return dynamoDb;
    }

    /** Its name; a function that records changes is given it in {@code AUDIT_TABLE_NAME}. */
    String name() {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("AUDIT_TABLE_NAME is not set: template.yaml sets it for every function"
                    + " that records changes");
        }
        return name;
    }

    /**
     * The write of one entry: a put that fails if anything has its key, so nothing already in the
     * trail can be replaced. The key sorts as the entries happened: the instant at a fixed width
     * (an ISO instant's own text drops trailing zeros, and "09:00:00Z" would sort after
     * "09:00:00.5Z"), then this container's count, for entries of the same instant, then a random
     * suffix (122 random bits) that keeps entries of other containers apart.
     */
    Put put(AuditEntry entry) {
        String unique = String.format("%012d", SEQUENCE.incrementAndGet()) + "#" + UUID.randomUUID();
        Map<String, AttributeValue> item = GrantsTable.item(Keys.audit(entry.programmeId()),
                Keys.auditEntry(SORTABLE.format(entry.at()), unique), SCHEMA_VERSION);
        item.put("at", s(entry.at().toString()));
        item.put("actorSubject", s(entry.actorSubject()));
        if (entry.actorEmail() != null) {
            item.put("actorEmail", s(entry.actorEmail()));
        }
        item.put("action", s(entry.action()));
        item.put("target", s(entry.target()));
        if (entry.before() != null) {
            item.put("before", s(entry.before()));
        }
        if (entry.after() != null) {
            item.put("after", s(entry.after()));
        }
        return Put.builder().tableName(name()).item(item).conditionExpression("attribute_not_exists(pk)").build();
    }

    /** Adds the entry on its own: for a change that was not one transaction, right after it. */
    void append(AuditEntry entry) {
        Put put = put(entry);
        try {
            dynamoDb.putItem(request -> request.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression()));
        } catch (ConditionalCheckFailedException taken) {
            throw new IllegalStateException("an audit entry's key was taken: " + put.item().get(GrantsTable.SK).s(), taken);
        }
    }

    /** The same put, as one item of the transaction of the change it records. */
    TransactWriteItem inTransaction(AuditEntry entry) {
        return TransactWriteItem.builder().put(put(entry)).build();
    }

    /** Creates the table if it does not exist yet (emulators and tests; on AWS the template creates it). */
    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(request -> request.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(GrantsTable.PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(GrantsTable.SK).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(GrantsTable.PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(GrantsTable.SK).keyType(KeyType.RANGE).build())
                    // On AWS the stream carries every entry to the archive bucket.
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier run
        }
    }
}
