package grants.adapters.dynamodb;

import grants.core.mail.Redaction;
import grants.core.notices.Bulletin;
import grants.core.notices.BulletinStore;
import grants.core.notices.Letter;
import grants.core.notices.LetterStore;
import grants.core.notices.Notice;
import grants.core.notices.NoticeState;
import grants.core.notices.NoticeStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * Notices, bulletins and letters in the grants table. Every state change is a conditional write, so two
 * senders can never both hold a notice, and a sent notice is never sent again.
 */
public final class DynamoNoticeStore implements NoticeStore, BulletinStore, LetterStore {

    /**
     * The attributes of a notice that sending it changes (claim, SENT, retry, FAILED): SendNotices'
     * policy lets it update these and nothing else (template.yaml, dynamodb:Attributes, held to this
     * list by the template tests), so it can never change whom a notice goes to or what it says.
     */
    public static final List<String> SENDING_STATE = List.of("state", "claimedAt", "updatedAt", "messageId", "suppressed",
            "reason");
    /** The attributes of a notice that SES feedback changes: EmailFeedback's policy allows these alone. */
    public static final List<String> FEEDBACK_STATE = List.of("state", "updatedAt", "reason");
    /** Every attribute of a notice item, which QueueNotices may put (and no letter's content). */
    public static final List<String> NOTICE_ATTRIBUTES = List.of(GrantsTable.PK, GrantsTable.SK,
            GrantsTable.SCHEMA_VERSION_ATTRIBUTE, "programmeId", "key", "kind", "runId", "partnershipId", "contentId",
            "reason", "recipients", "state", "updatedAt");

    /** BatchGetItem's limit. */
    private static final int KEYS_PER_READ = 100;

    private final GrantsTable table;

    public DynamoNoticeStore(GrantsTable table) {
        this.table = table;
    }

    private static Map<String, AttributeValue> noticeKey(String programmeId, String key) {
        return GrantsTable.key(Keys.notices(programmeId), Keys.notice(key));
    }

    @Override
    public boolean create(Notice notice) {
        return table.putIfAbsent(NoticeItems.notice(notice));
    }

    @Override
    public Optional<Notice> get(String programmeId, String key) {
        return table.get(Keys.notices(programmeId), Keys.notice(key)).map(NoticeItems::notice);
    }

    @Override
    public List<Notice> withPrefix(String programmeId, String keyPrefix) {
        return table.query(Keys.notices(programmeId), Keys.notice(keyPrefix)).stream().map(NoticeItems::notice).toList();
    }

    @Override
    public boolean claim(String programmeId, String key) {
        return Claims.claim(table, noticeKey(programmeId, key), Optional.of(NoticeState.QUEUED.name()),
                NoticeState.SENDING.name());
    }

    /** SENT, and the SES message id indexed so that a bounce finds its notice: both or neither. */
    @Override
    public void sent(String programmeId, String key, String messageId, List<String> suppressed) {
        TransactWriteItem notice = TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(noticeKey(programmeId, key))
                .updateExpression("SET #state = :sent, messageId = :id, suppressed = :suppressed, updatedAt = :at REMOVE reason")
                .conditionExpression("#state = :sending").expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", s(NoticeState.SENT.name()), ":id", s(messageId),
                        ":sending", s(NoticeState.SENDING.name()), ":suppressed", GrantsTable.strings(suppressed),
                        ":at", s(table.clock().instant().toString())))).build();
        Map<String, AttributeValue> index = GrantsTable.item(Keys.sesMessage(messageId), Keys.SES_MESSAGE_ITEM,
                NoticeItems.SCHEMA_VERSION);
        index.put("programmeId", s(programmeId));
        index.put("key", s(key));
        TransactWriteItem messageIndex = TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(index)).build();
        table.client().transactWriteItems(request -> request.transactItems(notice, messageIndex));
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

    /** Another sender or an earlier delivery may have moved the notice on: then there is nothing to undo. */
    private void change(String programmeId, String key, NoticeState from, NoticeState to, String reason) {
        Claims.move(table, noticeKey(programmeId, key), from.name(), to.name(), ", reason = :reason",
                Map.of(":reason", s(reason)));
    }

    @Override
    public Optional<Notice> byMessageId(String messageId) {
        return table.get(Keys.sesMessage(messageId), Keys.SES_MESSAGE_ITEM)
                .flatMap(index -> get(index.get("programmeId").s(), index.get("key").s()));
    }

    @Override
    public void suppress(String address, String reason) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.suppressed(address), Keys.SUPPRESSED_ITEM,
                NoticeItems.SCHEMA_VERSION);
        // The reason says why (a bounce, a complaint), never whose address: the key is a hash for that reason.
        item.put("reason", s(Redaction.withoutAddresses(reason)));
        item.put("at", s(table.clock().instant().toString()));
        table.client().putItem(request -> request.tableName(table.name()).item(item));
    }

    @Override
    public Set<String> suppressed(Collection<String> addresses) {
        Set<String> foundKeys = new TreeSet<>();
        List<String> distinctKeys = addresses.stream().map(Keys::suppressed).distinct().toList();
        for (int from = 0; from < distinctKeys.size(); from += KEYS_PER_READ) {
            List<Map<String, AttributeValue>> keys = distinctKeys.subList(from, Math.min(from + KEYS_PER_READ, distinctKeys.size()))
                    .stream().map(pk -> GrantsTable.key(pk, Keys.SUPPRESSED_ITEM)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table.name(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                var response = table.client().batchGetItem(r -> r.requestItems(current));
                response.responses().getOrDefault(table.name(), List.of()).forEach(item ->
                        foundKeys.add(item.get(GrantsTable.PK).s()));
                request = response.unprocessedKeys();
            }
        }
        Set<String> result = new TreeSet<>();
        addresses.stream().filter(address -> foundKeys.contains(Keys.suppressed(address))).forEach(result::add);
        return result;
    }

    @Override
    public boolean createBulletin(Bulletin bulletin) {
        return table.putIfAbsent(NoticeItems.bulletin(bulletin));
    }

    @Override
    public Optional<Bulletin> bulletin(String programmeId, String bulletinId) {
        return table.get(Keys.programme(programmeId), Keys.bulletin(bulletinId))
                .map(item -> NoticeItems.bulletin(programmeId, bulletinId, item));
    }

    @Override
    public void putLetter(String programmeId, String letterId, Letter letter) {
        table.putIfAbsent(NoticeItems.letter(programmeId, letterId, letter));
    }

    @Override
    public Optional<Letter> letter(String programmeId, String letterId) {
        return table.get(Keys.notices(programmeId), Keys.letter(letterId)).map(NoticeItems::letter);
    }
}
