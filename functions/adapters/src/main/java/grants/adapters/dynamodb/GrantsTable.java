package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.Map;

/**
 * The one table of the system (single-table design), keyed for its access patterns:
 *
 * <pre>
 * pk                          sk                      item
 * PROGRAMME#{programmeId}     PROGRAMME               the programme: version, input hash, and where its document is
 * PROGRAMME#{programmeId}     DOC#{uuid}#PART#{n}     the gzipped document, in parts of 350 KB
 * PROGRAMME#{programmeId}     RUN#{runId}             a committed run's header; run ids sort by time
 * PROGRAMME#{programmeId}     IDEMPOTENCY#{key}       the run a commit's Idempotency-Key stands for
 * PROGRAMME#{programmeId}     SNAPSHOT#{inputHash}    the programme exactly as committed runs saw it (parts as above)
 * PROGRAMME#{programmeId}     EXPORT#{runId}          a run's complete export: its file names
 * SEND#{what}                 SEND                    an email sent at most once: claimed, then SENT with its message id
 * RUN#{programmeId}#{runId}   ROW#{partnershipId}     one row of a run, ordered by partnership id
 * RUN#{programmeId}#{runId}   LOCALITY#{county}       one locality's q of n and grants in a run
 * </pre>
 *
 * The same definition is in template.yaml ({@code GrantsTable}); this copy creates it on emulators.
 */
public final class GrantsTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Epoch seconds after which DynamoDB's TTL may delete an item (idempotency claims, replaced document parts). */
    public static final String EXPIRES_AT = "expiresAt";

    private GrantsTable() {
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Creates the table if it does not exist yet (emulators and tests; on AWS the template creates it). */
    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(request -> request.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                    // Committed runs reach ExportFinance through the table's stream.
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier run: nothing to do
        }
    }
}
