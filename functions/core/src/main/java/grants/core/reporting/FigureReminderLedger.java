package grants.core.reporting;

import grants.core.audit.AuditEntry;

import java.util.List;

/**
 * The reminder ledger of figure reminders (outbound port), kept as monitoring keeps its own: a row per
 * reminder id written once, with its audit entry and, for a sent one, its email's notice in the same
 * transaction. So a reminder is handled once however often, or however many at once, the run goes.
 */
public interface FigureReminderLedger {

    /** Adds the row unless the ledger has its id; true if this call wrote it (and its notice, when sent). */
    boolean record(FigureReminder.Handled handled, AuditEntry audit);

    /** A register's figure reminders handled, by planned day then id. */
    List<FigureReminder.Handled> ledger(String registerId);
}
