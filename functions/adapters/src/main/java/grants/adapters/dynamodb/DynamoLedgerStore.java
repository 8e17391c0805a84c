package grants.adapters.dynamodb;

import grants.core.calendar.FinancialYear;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.OverspendRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The money ledger in the grants table ({@link LedgerItems} has the attributes):
 *
 * <pre>
 * pk               sk                        item
 * BUDGET#{scope}   LINE#{year}#{lineId}      a budget line and its totals, with its revision and version
 * BUDGET#{scope}   ENTRY#{entryId}           an entry, written once
 * BUDGET#{scope}   OVERSPEND#{requestId}     an overspend asked for, and who approved it
 * </pre>
 *
 * A {@link Change} is one transaction: each line put only over the version it was read at (a new one
 * only where none is), each entry only where none has its id, a new overspend request likewise, an
 * approved one over the unapproved, and the audit entry with them. Two bookings racing for the last
 * of a line: one transaction wins, the other's condition fails and it is decided again on what won.
 */
public final class DynamoLedgerStore implements LedgerStore {

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoLedgerStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public List<BudgetLine> lines(String scope) {
        return table.query(Keys.budget(scope), Keys.budgetLinePrefix()).stream().map(LedgerItems::line).toList();
    }

    @Override
    public Optional<BudgetLine> line(String scope, FinancialYear year, String lineId) {
        return table.get(Keys.budget(scope), Keys.budgetLine(year.toString(), lineId)).map(LedgerItems::line);
    }

    @Override
    public Optional<Entry> entry(String scope, String entryId) {
        return table.get(Keys.budget(scope), Keys.budgetEntry(entryId)).map(LedgerItems::entry);
    }

    /** By day, then id: a stable order whatever order the writes raced in. */
    @Override
    public List<Entry> entries(String scope) {
        return table.query(Keys.budget(scope), Keys.budgetEntryPrefix()).stream().map(LedgerItems::entry)
                .sorted(Comparator.comparing(Entry::on).thenComparing(Entry::id)).toList();
    }

    @Override
    public Optional<OverspendRequest> overspendRequest(String scope, String requestId) {
        return table.get(Keys.budget(scope), Keys.overspend(requestId)).map(LedgerItems::overspend);
    }

    @Override
    public boolean apply(Change change) {
        return Transactions.writeUnlessAnyConditionFails(table.client(), writes(change));
    }

    /**
     * The writes of a change, for a transaction of its own or of the record it comes from (a booking's,
     * written with its charge): any of their conditions failing means the ledger moved since it was read.
     */
    List<TransactWriteItem> writes(Change change) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (BudgetLine line : change.lines()) {
            writes.add(line.version() == 1 ? Transactions.putNew(table.name(), LedgerItems.line(line))
                    : Transactions.putAtVersion(table.name(), LedgerItems.line(line), LedgerItems.VERSION,
                    line.version() - 1));
        }
        change.entries().forEach(entry -> writes.add(Transactions.putNew(table.name(), LedgerItems.entry(entry))));
        change.overspend().ifPresent(request -> writes.add(request.approvedBy().isEmpty()
                ? Transactions.putNew(table.name(), LedgerItems.overspend(request))
                : TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(LedgerItems.overspend(request))
                        .conditionExpression("attribute_not_exists(approvedBy)")).build()));
        change.audit().ifPresent(entry -> writes.add(audit.inTransaction(entry)));
        return writes;
    }
}
