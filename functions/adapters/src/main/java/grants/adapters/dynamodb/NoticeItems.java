package grants.adapters.dynamodb;

import grants.core.mail.Attachment;
import grants.core.notices.Bulletin;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/** Notices and bulletins to and from their items: the storage format, apart from the API's. */
final class NoticeItems {

    static final int SCHEMA_VERSION = 1;

    private NoticeItems() {
    }

    static Map<String, AttributeValue> notice(Notice notice) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.notices(notice.programmeId()), Keys.notice(notice.key()),
                SCHEMA_VERSION);
        item.put("programmeId", s(notice.programmeId()));
        item.put("key", s(notice.key()));
        item.put("kind", s(notice.kind().name()));
        putIfPresent(item, "runId", notice.runId());
        putIfPresent(item, "partnershipId", notice.partnershipId());
        putIfPresent(item, "contentId", notice.contentId());
        putIfPresent(item, "reason", notice.reason());
        item.put("recipients", strings(notice.recipients()));
        item.put("state", s(notice.state().name()));
        item.put("updatedAt", s(notice.updatedAt().toString()));
        return item;
    }

    static Notice notice(Map<String, AttributeValue> item) {
        return new Notice(text(item, "programmeId"), text(item, "key"), NoticeKind.valueOf(text(item, "kind")),
                text(item, "runId"), text(item, "partnershipId"), text(item, "contentId"), strings(item, "recipients"),
                NoticeState.valueOf(text(item, "state")), text(item, "messageId"), text(item, "reason"),
                strings(item, "suppressed"), Instant.parse(text(item, "updatedAt")));
    }

    static Map<String, AttributeValue> letter(String programmeId, String letterId, Letter letter) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.notices(programmeId), Keys.letter(letterId), SCHEMA_VERSION);
        item.put("subject", s(letter.subject()));
        item.put("text", s(letter.text()));
        item.put("html", s(letter.html()));
        item.put("addressees", strings(letter.addressees()));
        if (!letter.attachments().isEmpty()) {
            item.put("attachments", AttributeValue.fromL(letter.attachments().stream()
                    .map(file -> AttributeValue.fromM(Map.of("fileName", s(file.fileName()),
                            "contentType", s(file.contentType()), "text", s(file.text())))).toList()));
        }
        return item;
    }

    static Letter letter(Map<String, AttributeValue> item) {
        List<Attachment> attachments = item.containsKey("attachments") ? item.get("attachments").l().stream()
                .map(file -> new Attachment(text(file.m(), "fileName"), text(file.m(), "contentType"), text(file.m(), "text")))
                .toList() : List.of();
        return new Letter(text(item, "subject"), text(item, "text"), text(item, "html"), strings(item, "addressees"),
                attachments);
    }

    static Map<String, AttributeValue> bulletin(Bulletin bulletin) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.programme(bulletin.programmeId()),
                Keys.bulletin(bulletin.bulletinId()), SCHEMA_VERSION);
        item.put("subject", s(bulletin.subject()));
        item.put("markdown", s(bulletin.markdown()));
        item.put("audience", s(bulletin.audience().name()));
        return item;
    }

    static Bulletin bulletin(String programmeId, String bulletinId, Map<String, AttributeValue> item) {
        return new Bulletin(programmeId, bulletinId, text(item, "subject"), text(item, "markdown"),
                Bulletin.Audience.valueOf(text(item, "audience")));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
