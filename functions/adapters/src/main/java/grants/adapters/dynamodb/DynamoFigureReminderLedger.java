package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.notices.Notice;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.FigureReminderLedger;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reporting's figure reminders in the reminder ledger monitoring keeps ({@code LEDGER#}), written as
 * monitoring writes its rows ({@link ReminderLedgerRows}): once per reminder id, with the audit entry (in
 * the register's trail) and a sent one's notice ({@code NOTICES#{registerId}} / {@code reminder/{id}}).
 */
public final class DynamoFigureReminderLedger implements FigureReminderLedger {

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoFigureReminderLedger(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public boolean record(FigureReminder.Handled handled, AuditEntry entry) {
        Optional<Notice> email = handled.outcome() == FigureReminder.Handled.Outcome.SENT
                ? Optional.of(Notice.reminder(handled.reminder().registerId(), handled.reminder().id(),
                handled.recipients(), entry.at())) : Optional.empty();
        return ReminderLedgerRows.writeOnce(table, audit, FigureReminderItems.row(handled), entry, email);
    }

    @Override
    public List<FigureReminder.Handled> ledger(String registerId) {
        return table.query(Keys.figureReminderLedger(registerId), "").stream().map(FigureReminderItems::row)
                .sorted(Comparator.comparing((FigureReminder.Handled row) -> row.reminder().plannedOn())
                        .thenComparing(row -> row.reminder().id())).toList();
    }
}
