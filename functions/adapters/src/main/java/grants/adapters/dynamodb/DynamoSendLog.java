package grants.adapters.dynamodb;

import grants.core.mail.SendLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** At-most-once sending: a {@code SEND#} item claimed before sending, marked SENT with the message id after. */
public final class DynamoSendLog implements SendLog {

    private static final String CLAIMED = "CLAIMED";

    private final GrantsTable table;

    public DynamoSendLog(GrantsTable table) {
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String what) {
        return GrantsTable.key(Keys.send(what), Keys.SEND_ITEM);
    }

    @Override
    public boolean claim(String what) {
        return Claims.claim(table, key(what), Optional.empty(), CLAIMED);
    }

    @Override
    public void sent(String what, String messageId) {
        Claims.move(table, key(what), CLAIMED, "SENT", ", messageId = :id", Map.of(":id", GrantsTable.s(messageId)));
    }

    @Override
    public void release(String what) {
        Claims.release(table, key(what), CLAIMED);
    }
}
