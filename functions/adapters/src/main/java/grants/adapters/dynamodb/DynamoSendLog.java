package grants.adapters.dynamodb;

import grants.core.mail.SendLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** At-most-once sending: a {@code SEND#} item claimed before sending, marked SENT with the message id after. */
public final class DynamoSendLog implements SendLog {

    private static final String CLAIMED = "CLAIMED";
    private static final String SENT = "SENT";

    private final GrantsTable table;

    public DynamoSendLog(GrantsTable table) {
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String what) {
        return GrantsTable.key(Keys.send(what), Keys.SEND_ITEM);
    }

    @Override
    public Claim claim(String what) {
        if (Claims.claim(table, key(what), Optional.empty(), CLAIMED)) {
            return Claim.CLAIMED;
        }
        boolean sent = table.get(Keys.send(what), Keys.SEND_ITEM)
                .map(item -> SENT.equals(GrantsTable.text(item, "state"))).orElse(false);
        return sent ? Claim.SENT_BEFORE : Claim.HELD_ELSEWHERE;
    }

    @Override
    public void sent(String what, String messageId) {
        Claims.move(table, key(what), CLAIMED, SENT, ", messageId = :id", Map.of(":id", GrantsTable.s(messageId)));
    }

    @Override
    public void release(String what) {
        Claims.release(table, key(what), CLAIMED);
    }
}
