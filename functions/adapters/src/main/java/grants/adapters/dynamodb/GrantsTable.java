package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of the system (single-table design), and the reads and writes every repository
 * shares. Its keys, each built by {@link Keys}:
 *
 * <pre>
 * pk                          sk                      item
 * PROGRAMME#{programmeId}     PROGRAMME               the programme: version, input hash, and where its document is
 * PROGRAMME#{programmeId}     DOC#{uuid}#PART#{n}     the gzipped document, in parts of 350 KB
 * PROGRAMME#{programmeId}     RUN#{runId}             a committed run's header; run ids sort by time
 * PROGRAMME#{programmeId}     IDEMPOTENCY#{key}       the run a commit's Idempotency-Key stands for
 * PROGRAMME#{programmeId}     JOB#{jobId}             a commit written in the background: state and progress
 * PROGRAMME#{programmeId}     COMMITTING              the programme's unfinished commit job, while there is one
 * PROGRAMME#{programmeId}     SNAPSHOT#{inputHash}    the programme exactly as committed runs saw it (parts as above)
 * PROGRAMME#{programmeId}     BULLETIN#{id}           a bulletin: subject, Markdown, audience
 * RUN#{programmeId}#{runId}   ROW#{partnershipId}     one row of a run, ordered by partnership id
 * RUN#{programmeId}#{runId}   LOCALITY#{county}       one locality's q of n and grants in a run
 * NOTICES#{programmeId}       {noticeKey}             a notice: kind, recipients, state, message id
 * EXPORT#{programmeId}#{run}  EXPORT                  a run's complete export: its file names
 * SUPPORT#{programmeId}       ADVISER#, POOL#, ...    support days: see DynamoSupportStore
 * SEND#{what}                 SEND                    an email sent at most once: claimed, then SENT
 * SESMESSAGE#{messageId}      SESMESSAGE              the notice an SES message belongs to (for bounces)
 * SUPPRESSED#{sha256}         SUPPRESSED              an address that bounced for good or complained (a hash: see Keys)
 * RATE#{what}                 {epochSecond}           how many sends one second has had (the shared rate)
 * BINDING#{sub}               {scope}                 what a person is bound to in a programme or round (* for all)
 * BINDING##SCOPE#{scope}      {sub}                   the same binding, listed by where it applies
 * ROUND#{roundId}             ROUND, BALLOT#, ...     a commissioning round: see DynamoRoundStore
 * ROUND##LIST                 ROUND#{roundId}         the list of rounds (no round id has a '#')
 * AGREEMENT#{agreementId}     AGREEMENT               a monitored agreement's whole record: see DynamoMonitoringStore
 * AGREEMENT##..., REMINDER#{day}, REMINDER##DAYS, LEDGER#{agreementId}, CALENDAR#{id}: monitoring's lists, day index, ledger, bank holidays
 * REGISTER#{registerId}     REGISTER, FIGURE#, ...  an indicator register, its figures and narratives: see DynamoReportingStore
 * </pre>
 *
 * Only AllocateGrants and CommitRuns write the PROGRAMME# and RUN# partitions; every other function may write
 * only its own partitions (template.yaml grants them by dynamodb:LeadingKeys).
 * </pre>
 *
 * Every item carries {@value #SCHEMA_VERSION_ATTRIBUTE}, so a later change of an item's shape can
 * tell old items from new. The same definition is in template.yaml ({@code GrantsTable}); this
 * copy creates it on emulators.
 */
public final class GrantsTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Epoch seconds after which DynamoDB's TTL may delete an item (idempotency claims, replaced document parts). */
    public static final String EXPIRES_AT = "expiresAt";
    static final String SCHEMA_VERSION_ATTRIBUTE = "schemaVersion";

    private final DynamoDbClient dynamoDb;
    private final String name;
    private final Clock clock;

    public GrantsTable(DynamoDbClient dynamoDb, String name, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.name = name;
        this.clock = clock;
    }

    DynamoDbClient client() {
        return dynamoDb;
    }

    String name() {
        return name;
    }

    Clock clock() {
        return clock;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** A new item's attributes: its key and its schema version, to which the caller adds the rest. */
    static Map<String, AttributeValue> item(String pk, String sk, int schemaVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(SCHEMA_VERSION_ATTRIBUTE, n(schemaVersion));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    /** A strongly consistent read of one item. */
    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(name)
                .key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** A partition's items whose sort key starts with the prefix (all of them for an empty one), in key order. */
    List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
        if (!skPrefix.isEmpty()) {
            values.put(":prefix", s(skPrefix));
        }
        dynamoDb.queryPaginator(request -> request.tableName(name).consistentRead(true)
                        .keyConditionExpression(skPrefix.isEmpty() ? "pk = :pk" : "pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(values))
                .items().forEach(items::add);
        return items;
    }

    /** Writes the item only if no item has its key; false if one had. */
    boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(request -> request.tableName(name).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
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
            // created by an earlier run
        }
    }
}
