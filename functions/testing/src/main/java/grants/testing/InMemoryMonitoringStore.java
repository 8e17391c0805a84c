package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.monitoring.DueReminders;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.Reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link MonitoringStore} in memory, with the real store's refusals: a record is replaced only at
 * the version it was read at, a reminder enters the ledger once, and an audit entry goes in only
 * with its change. Sent reminders are kept in an outbox a test reads.
 */
public final class InMemoryMonitoringStore implements MonitoringStore {

    private final Map<String, MonitoredAgreement> agreements = new TreeMap<>();
    private final Map<String, List<Reminder>> planned = new TreeMap<>();
    private final Map<String, LedgerEntry> ledger = new TreeMap<>();
    private final List<LedgerEntry> outbox = new ArrayList<>();
    private List<LocalDate> bankHolidays;
    private final Map<String, String> addresses = new TreeMap<>();
    private final Map<String, MonitoringSettings> settings = new TreeMap<>();
    private Optional<MonitoringSettings> everyScope = Optional.empty();
    /** Payment runs by day, then run id (which sorts as the runs were made). */
    private final Map<LocalDate, Map<String, KeptPaymentRun>> paymentRuns = new TreeMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryMonitoringStore(Collection<LocalDate> bankHolidays, InMemoryAuditTrail trail) {
        this.bankHolidays = List.copyOf(bankHolidays);
        this.trail = trail;
    }

    public InMemoryAuditTrail trail() {
        return trail;
    }

    /** The reminder emails written, in the order the ledger took them. */
    public synchronized List<LedgerEntry> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public synchronized boolean create(MonitoredAgreement fresh, List<Reminder> reminders, AuditEntry entry) {
        if (agreements.containsKey(fresh.id())) {
            return false;
        }
        agreements.put(fresh.id(), fresh);
        planned.put(fresh.id(), List.copyOf(reminders));
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized java.util.Optional<MonitoredAgreement> agreement(String agreementId) {
        return java.util.Optional.ofNullable(agreements.get(agreementId));
    }

    @Override
    public synchronized List<MonitoredAgreement> ofOrganisation(String organisation) {
        return agreements.values().stream().filter(a -> a.agreement().organisation().equals(organisation)).toList();
    }

    @Override
    public synchronized List<Read> ofOrganisationAsRead(String organisation) {
        return ofOrganisation(organisation).stream().map(a -> new Read(a, planned.getOrDefault(a.id(), List.of())))
                .toList();
    }

    @Override
    public synchronized List<String> organisations() {
        return agreements.values().stream().map(a -> a.agreement().organisation()).distinct().sorted().toList();
    }

    @Override
    public synchronized boolean replace(MonitoredAgreement next, long expectedVersion, List<Reminder> reminders,
                                        AuditEntry entry) {
        MonitoredAgreement current = agreements.get(next.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        agreements.put(next.id(), next);
        planned.put(next.id(), List.copyOf(reminders));
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized boolean replacePaying(Read read, MonitoredAgreement next, List<Reminder> reminders,
                                              AuditEntry entry, KeptPaymentRun.Begun begun,
                                              List<KeptPaymentRun.Paid> paid) {
        if (!replace(next, read.agreement().version(), reminders, entry)) {
            return false;
        }
        KeptPaymentRun run = run(begun);
        keep(new KeptPaymentRun(begun, concat(run.paid(), paid), run.held(), run.made()));
        return true;
    }

    @Override
    public synchronized boolean replaceNamingOfficer(MonitoredAgreement next, long expectedVersion,
                                                     List<Reminder> reminders, AuditEntry entry, String personId,
                                                     String email) {
        if (!replace(next, expectedVersion, reminders, entry)) {
            return false;
        }
        addresses.put(personId, email);
        return true;
    }

    @Override
    public synchronized Optional<String> addressOf(String personId) {
        return Optional.ofNullable(addresses.get(personId));
    }

    @Override
    public synchronized void keepHeld(KeptPaymentRun.Begun begun, List<KeptPaymentRun.Held> held) {
        KeptPaymentRun run = run(begun);
        keep(new KeptPaymentRun(begun, run.paid(), concat(run.held(), held), run.made()));
    }

    @Override
    public synchronized void keepRunMade(KeptPaymentRun.Begun begun, KeptPaymentRun.Made made) {
        KeptPaymentRun run = run(begun);
        keep(new KeptPaymentRun(begun, run.paid(), run.held(), Optional.of(made)));
    }

    @Override
    public synchronized List<KeptPaymentRun> paymentRuns(LocalDate day) {
        return List.copyOf(paymentRuns.getOrDefault(day, Map.of()).values());
    }

    private KeptPaymentRun run(KeptPaymentRun.Begun begun) {
        return paymentRuns.getOrDefault(begun.day(), Map.of()).getOrDefault(begun.runId(),
                new KeptPaymentRun(begun, List.of(), List.of(), Optional.empty()));
    }

    private void keep(KeptPaymentRun run) {
        paymentRuns.computeIfAbsent(run.begun().day(), d -> new TreeMap<>()).put(run.begun().runId(), run);
    }

    private static <T> List<T> concat(List<T> first, List<T> then) {
        List<T> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    @Override
    public synchronized DueReminders remindersDueBy(LocalDate day) {
        return new DueReminders(planned.values().stream().flatMap(List::stream)
                .filter(r -> !r.plannedOn().isAfter(day) && !ledger.containsKey(r.id()))
                .sorted(Reminder.BY_DAY_THEN_ID).toList());
    }

    /** Nothing to clear: this store reads every planned reminder each time (its cost is not the point here). */
    @Override
    public void allHandled(DueReminders due) {
    }

    @Override
    public synchronized boolean recordReminder(LedgerEntry entry, AuditEntry audit) {
        if (ledger.containsKey(entry.reminder().id())) {
            return false;
        }
        ledger.put(entry.reminder().id(), entry);
        if (entry.outcome() == LedgerEntry.Outcome.SENT) {
            outbox.add(entry);
        }
        trail.append(audit);
        return true;
    }

    @Override
    public synchronized List<LedgerEntry> ledger(String agreementId) {
        return ledger.values().stream().filter(e -> e.reminder().agreementId().equals(agreementId))
                .sorted(java.util.Comparator.comparing(LedgerEntry::reminder, Reminder.BY_DAY_THEN_ID)).toList();
    }

    /** Every reminder still planned and not handled, whatever its day: what the ledger shows as pending. */
    public synchronized List<Reminder> pending() {
        return unhandledRemindersDueBy(LocalDate.MAX);
    }

    @Override
    public synchronized Optional<MonitoringSettings> settingsOf(String scopeId) {
        return Optional.ofNullable(settings.get(scopeId)).or(() -> everyScope);
    }

    /**
     * For a use-case test about something else: every programme and round monitors with {@code kept}
     * unless its manager keeps others, as if each manager had kept them before the test began.
     */
    public synchronized InMemoryMonitoringStore everyScopeMonitoredWith(MonitoringSettings kept) {
        everyScope = Optional.of(kept);
        return this;
    }

    @Override
    public synchronized boolean keepSettings(String scopeId, MonitoringSettings kept,
                                             Optional<MonitoringSettings> expected, AuditEntry entry) {
        if (!expected.equals(settingsOf(scopeId))) {
            return false;
        }
        settings.put(scopeId, kept);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized void keepBankHolidays(List<LocalDate> days, AuditEntry entry) {
        bankHolidays = List.copyOf(days);
        trail.append(entry);
    }

    @Override
    public synchronized List<LocalDate> bankHolidays() {
        return bankHolidays;
    }
}
