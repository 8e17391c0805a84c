package grants.core.monitoring;

import grants.core.audit.AuditEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where monitoring is kept (outbound port). An agreement's record is written whole, only if it is
 * still the version it was read at, with the change's audit entry in the same transaction: both or
 * neither. Beside each record the store keeps the reminders planned for it, indexed by day, so the
 * daily run reads what is due, never every agreement; the ledger is written once per reminder.
 */
public interface MonitoringStore {

    /** Creates the record unless one has its id; true if this call created it (a retry changes nothing). */
    boolean create(MonitoredAgreement fresh, List<Reminder> planned, AuditEntry entry);

    Optional<MonitoredAgreement> agreement(String agreementId);

    /** Every agreement of an organisation (holds look across them, M10). */
    List<MonitoredAgreement> ofOrganisation(String organisation);

    /** The organisations with an agreement, for a payment run. */
    List<String> organisations();

    /**
     * An agreement as its record was read, with the reminders the record plans: a write made from
     * it compares its own reminders with these, so the store need not read the record again.
     */
    record Read(MonitoredAgreement agreement, List<Reminder> planned) {

        public Read {
            planned = List.copyOf(planned);
        }
    }

    /** {@link #ofOrganisation}, each with the reminders its record plans: what a payment run writes from. */
    List<Read> ofOrganisationAsRead(String organisation);

    /**
     * Replaces the record and its planned reminders if it is still at {@code expectedVersion}; false if
     * it changed meanwhile, and nothing is written.
     */
    boolean replace(MonitoredAgreement next, long expectedVersion, List<Reminder> planned, AuditEntry entry);

    /**
     * {@link #replace} of the record as {@code read}, and in the same transaction the lines of payment
     * {@code run} for the instalments this write marks paid: a payment is in its run's file if and only
     * if it was made. The record is not read again (a payment run writes thousands): the transaction's
     * condition on the version read refuses, with nothing written, a record changed (or gone) meanwhile.
     */
    boolean replacePaying(Read read, MonitoredAgreement next, List<Reminder> planned, AuditEntry entry,
                          KeptPaymentRun.Begun run, List<KeptPaymentRun.Paid> paid);

    /**
     * {@link #replace}, and in the same transaction the address of the officer {@code next} names
     * ({@code personId}): the daily run writes their reminders to it.
     */
    boolean replaceNamingOfficer(MonitoredAgreement next, long expectedVersion, List<Reminder> planned,
                                 AuditEntry entry, String personId, String email);

    /** The address kept for a person (an officer a manager named), if any. */
    Optional<String> addressOf(String personId);

    /** Keeps a run's held lines (they move no money, so they need no transaction with the agreement). */
    void keepHeld(KeptPaymentRun.Begun run, List<KeptPaymentRun.Held> held);

    /** Keeps a run's header, written last: a run without one stopped part way. */
    void keepRunMade(KeptPaymentRun.Begun run, KeptPaymentRun.Made made);

    /** The payment runs made on {@code day}, in the order they were made, each with every line it kept. */
    List<KeptPaymentRun> paymentRuns(LocalDate day);

    /** Planned reminders whose day is on or before {@code day} and that the ledger does not have yet. */
    DueReminders remindersDueBy(LocalDate day);

    default List<Reminder> unhandledRemindersDueBy(LocalDate day) {
        return remindersDueBy(day).reminders();
    }

    /**
     * Told by the daily run once every reminder of {@code due} is in the ledger: the days it read are
     * not read again, unless a write has planned a reminder on one of them since (M8: such a reminder
     * is handled by the next run).
     */
    void allHandled(DueReminders due);

    /**
     * Adds a handled reminder to the ledger, and for a sent one its email to the outbox, unless the
     * ledger has its id; true if this call wrote it. This is what makes a reminder handled once.
     */
    boolean recordReminder(LedgerEntry entry, AuditEntry audit);

    /** An agreement's ledger, by planned day then id. */
    List<LedgerEntry> ledger(String agreementId);

    /** The monitoring settings a manager keeps for a programme or round ({@code scopeId}), if any. */
    Optional<MonitoringSettings> settingsOf(String scopeId);

    /**
     * Keeps {@code settings} for the scope, with its audit entry in the same transaction, if the scope's
     * settings are still {@code expected} (none: never kept); false if they changed meanwhile, and
     * nothing is written.
     */
    boolean keepSettings(String scopeId, MonitoringSettings settings, Optional<MonitoringSettings> expected,
                         AuditEntry entry);

    /** The bank holidays, held as data so that a new one needs no deploy. */
    List<LocalDate> bankHolidays();

    /** Replaces the bank holidays, with the change's audit entry in the same transaction. */
    void keepBankHolidays(List<LocalDate> days, AuditEntry entry);
}
