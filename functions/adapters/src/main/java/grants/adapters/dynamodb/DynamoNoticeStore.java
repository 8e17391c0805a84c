package grants.adapters.dynamodb;

import grants.core.notices.Bulletin;
import grants.core.notices.BulletinStore;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeState;
import grants.core.notices.NoticeStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static grants.adapters.dynamodb.DynamoProgrammeRepository.programmeKey;
import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * Notices and bulletins in the grants table. Every state change is a conditional write, so two
 * senders can never both hold a notice, and a sent notice is never sent again.
 *
 * <pre>
 * pk                          sk                  item
 * PROGRAMME#{programmeId}     NOTICE#{key}        kind, run, partnership, recipients, state, messageId, reason ...
 * PROGRAMME#{programmeId}     BULLETIN#{id}       subject, markdown, audience
 * SESMESSAGE#{messageId}      SESMESSAGE          the notice an SES message belongs to (for bounces)
 * SUPPRESSED#{address}        SUPPRESSED          an address that bounced for good or complained
 * </pre>
 */
public final class DynamoNoticeStore implements NoticeStore, BulletinStore {

    /** A claim older than this was left by a sender that died; another may take it over. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);
    private static final Map<String, String> STATE = Map.of("#state", "state");

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoNoticeStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> noticeKey(String programmeId, String key) {
        return GrantsTable.key(programmeKey(programmeId), "NOTICE#" + key);
    }

    @Override
    public boolean create(Notice notice) {
        Map<String, AttributeValue> item = new HashMap<>(noticeKey(notice.programmeId(), notice.key()));
        item.put("kind", s(notice.kind().name()));
        optional(item, "runId", notice.runId());
        optional(item, "partnershipId", notice.partnershipId());
        optional(item, "bulletinId", notice.bulletinId());
        optional(item, "reason", notice.reason());
        item.put("recipients", strings(notice.recipients()));
        item.put("state", s(notice.state().name()));
        item.put("updatedAt", s(notice.updatedAt().toString()));
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Notice> get(String programmeId, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(noticeKey(programmeId, key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(readNotice(item));
    }

    @Override
    public List<Notice> withPrefix(String programmeId, String keyPrefix) {
        List<Notice> found = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(programmeKey(programmeId)), ":prefix", s("NOTICE#" + keyPrefix))))
                .items().forEach(item -> found.add(readNotice(item)));
        return found;
    }

    @Override
    public boolean claim(String programmeId, String key) {
        long now = clock.millis();
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(noticeKey(programmeId, key))
                    .updateExpression("SET #state = :sending, claimedAt = :now, updatedAt = :at")
                    .conditionExpression("#state = :queued OR (#state = :sending AND claimedAt < :stale)")
                    .expressionAttributeNames(STATE)
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":queued", s("QUEUED"),
                            ":now", GrantsTable.n(now), ":stale", GrantsTable.n(now - STALE_CLAIM.toMillis()),
                            ":at", s(clock.instant().toString()))));
            return true;
        } catch (ConditionalCheckFailedException heldOrDone) {
            return false;
        }
    }

    @Override
    public void sent(String programmeId, String key, String messageId, List<String> suppressed) {
        TransactWriteItem notice = TransactWriteItem.builder().update(update -> update.tableName(tableName)
                .key(noticeKey(programmeId, key))
                .updateExpression("SET #state = :sent, messageId = :id, suppressed = :suppressed, updatedAt = :at REMOVE reason")
                .conditionExpression("#state = :sending").expressionAttributeNames(STATE)
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":id", s(messageId), ":sending", s("SENDING"),
                        ":suppressed", strings(suppressed), ":at", s(clock.instant().toString())))).build();
        TransactWriteItem index = TransactWriteItem.builder().put(put -> put.tableName(tableName)
                .item(Map.of("pk", s("SESMESSAGE#" + messageId), "sk", s("SESMESSAGE"),
                        "programmeId", s(programmeId), "key", s(key)))).build();
        dynamoDb.transactWriteItems(request -> request.transactItems(notice, index));
    }

    @Override
    public void release(String programmeId, String key, String reason) {
        change(programmeId, key, NoticeState.SENDING, NoticeState.QUEUED, "will retry: " + reason);
    }

    @Override
    public void failed(String programmeId, String key, String reason) {
        change(programmeId, key, NoticeState.SENDING, NoticeState.FAILED, reason);
    }

    @Override
    public void feedback(String programmeId, String key, NoticeState state, String reason) {
        change(programmeId, key, NoticeState.SENT, state, reason);
    }

    /** Moves a notice from one state to another, only if it is still in the first. */
    private void change(String programmeId, String key, NoticeState from, NoticeState to, String reason) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(noticeKey(programmeId, key))
                    .updateExpression("SET #state = :to, reason = :reason, updatedAt = :at")
                    .conditionExpression("#state = :from").expressionAttributeNames(STATE)
                    .expressionAttributeValues(Map.of(":to", s(to.name()), ":from", s(from.name()),
                            ":reason", s(reason), ":at", s(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException movedOn) {
            // another sender or an earlier delivery has moved the notice on; nothing to undo
        }
    }

    @Override
    public Optional<Notice> byMessageId(String messageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key("SESMESSAGE#" + messageId, "SESMESSAGE")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return get(item.get("programmeId").s(), item.get("key").s());
    }

    @Override
    public void suppress(String address, String reason) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(Map.of(
                "pk", s("SUPPRESSED#" + address.toLowerCase(Locale.ROOT)), "sk", s("SUPPRESSED"),
                "reason", s(reason), "at", s(clock.instant().toString()))));
    }

    @Override
    public Set<String> suppressed(Collection<String> addresses) {
        Set<String> found = new TreeSet<>();
        List<String> distinct = addresses.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(from + 100, distinct.size())).stream()
                    .map(address -> GrantsTable.key("SUPPRESSED#" + address.toLowerCase(Locale.ROOT), "SUPPRESSED")).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                var response = dynamoDb.batchGetItem(r -> r.requestItems(current));
                response.responses().getOrDefault(tableName, List.of()).forEach(item ->
                        found.add(item.get("pk").s().substring("SUPPRESSED#".length())));
                request = response.unprocessedKeys();
            }
        }
        Set<String> result = new TreeSet<>();
        addresses.stream().filter(address -> found.contains(address.toLowerCase(Locale.ROOT))).forEach(result::add);
        return result;
    }

    @Override
    public boolean createBulletin(Bulletin bulletin) {
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(Map.of(
                    "pk", s(programmeKey(bulletin.programmeId())), "sk", s("BULLETIN#" + bulletin.bulletinId()),
                    "subject", s(bulletin.subject()), "markdown", s(bulletin.markdown()),
                    "audience", s(bulletin.audience().name()))).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Bulletin> bulletin(String programmeId, String bulletinId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(programmeKey(programmeId), "BULLETIN#" + bulletinId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Bulletin(programmeId, bulletinId, item.get("subject").s(), item.get("markdown").s(),
                Bulletin.Audience.valueOf(item.get("audience").s())));
    }

    private static Notice readNotice(Map<String, AttributeValue> item) {
        String programmeId = item.get("pk").s().substring("PROGRAMME#".length());
        String key = item.get("sk").s().substring("NOTICE#".length());
        return new Notice(programmeId, key, NoticeKind.valueOf(item.get("kind").s()), text(item, "runId"),
                text(item, "partnershipId"), text(item, "bulletinId"), list(item, "recipients"),
                NoticeState.valueOf(item.get("state").s()), text(item, "messageId"), text(item, "reason"),
                list(item, "suppressed"), Instant.parse(item.get("updatedAt").s()));
    }

    private static void optional(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
