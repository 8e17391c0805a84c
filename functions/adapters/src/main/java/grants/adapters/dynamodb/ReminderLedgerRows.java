package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.notices.Notice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a reminder ledger row is written, monitoring's and reporting's alike: once
 * ({@code attribute_not_exists} on the reminder's id), with its audit entry and, for a sent reminder,
 * its email's notice, all in one transaction. So the email is queued exactly once however often the
 * run is retried or however many runs race, and never without its row; the notices machinery takes
 * it from there (the outbox locally, the send rate, bounced addresses left out).
 */
final class ReminderLedgerRows {

    private ReminderLedgerRows() {
    }

    /** False if the ledger had the row already, and nothing is written. */
    static boolean writeOnce(GrantsTable table, AuditTable audit, Map<String, AttributeValue> row, AuditEntry entry,
                             Optional<Notice> email) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(Transactions.putNew(table.name(), row),
                audit.inTransaction(entry)));
        email.ifPresent(notice -> writes.add(Transactions.putNew(table.name(), NoticeItems.notice(notice))));
        return Transactions.writeUnlessFirstConditionFails(table.client(), writes);
    }
}
