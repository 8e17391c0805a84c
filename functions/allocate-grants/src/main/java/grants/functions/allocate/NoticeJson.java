package grants.functions.allocate;

import grants.documents.FieldReader;
import grants.documents.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.notices.Bulletin;
import grants.core.notices.Notice;

import java.util.List;

/** Notices' statuses as JSON, and bulletins read from a request with every problem named. */
public final class NoticeJson {

    private NoticeJson() {
    }

    public static ObjectNode notice(Notice notice) {
        ObjectNode node = Json.object().put("key", notice.key()).put("kind", notice.kind().name())
                .put("state", notice.state().name()).put("updatedAt", notice.updatedAt().toString());
        if (notice.partnershipId() != null) {
            node.put("partnershipId", notice.partnershipId());
        }
        if (notice.messageId() != null) {
            node.put("messageId", notice.messageId());
        }
        if (notice.reason() != null) {
            node.put("reason", notice.reason());
        }
        ArrayNode to = node.putArray("recipients");
        notice.recipients().forEach(to::add);
        if (!notice.suppressed().isEmpty()) {
            ArrayNode skipped = node.putArray("suppressedRecipients");
            notice.suppressed().forEach(skipped::add);
        }
        return node;
    }

    public static ArrayNode notices(List<Notice> notices) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        notices.forEach(notice -> array.add(notice(notice)));
        return array;
    }

    /** The Markdown of a bulletin being written, to see as it will be sent. */
    public static String readPreview(JsonNode body) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", "body");
            String markdown = reader.multilineText(body, "", "body", true, FieldReader.MAX_MARKDOWN);
            if (reader.problems().isEmpty()) {
                return markdown;
            }
        }
        throw reader.refusal("preview", "nothing was shown");
    }

    public static Bulletin readBulletin(JsonNode body, String programmeId) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.conformsTo("bulletin", body);
            reader.onlyFields(body, "", "bulletinId", "subject", "body", "audience");
            String bulletinId = reader.id(body, "", "bulletinId", "[a-z0-9-]{1,64}", "1 to 64 characters of a-z, 0-9 and -", true);
            String subject = reader.text(body, "", "subject", true);
            String markdown = reader.multilineText(body, "", "body", true, FieldReader.MAX_MARKDOWN);
            Bulletin.Audience audience = reader.oneOf(body, "", "audience", Bulletin.Audience.class, true);
            if (reader.problems().isEmpty()) {
                return new Bulletin(programmeId, bulletinId, subject, markdown, audience);
            }
        }
        throw reader.refusal("bulletin", "nothing was sent");
    }
}
