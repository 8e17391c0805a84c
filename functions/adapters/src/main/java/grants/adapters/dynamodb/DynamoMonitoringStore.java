package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.monitoring.DueReminders;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.Reminder;
import grants.core.notices.Notice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Monitoring in the grants table ({@link MonitoringItems} has the attributes):
 *
 * <pre>
 * pk                                  sk                    item
 * AGREEMENT#{agreementId}             AGREEMENT             the whole record, its version and the reminders planned for it
 * AGREEMENT##ORGANISATIONS            {organisation}        an organisation with an agreement (for payment runs)
 * AGREEMENT##ORGANISATION#{org}       AGREEMENT#{id}        one of the organisation's agreements
 * REMINDER##DAYS                      {day}                 a day with reminders planned that a complete daily run has not cleared
 * REMINDER#{day}                      AGREEMENT#{id}        this agreement's next reminder still to handle is on that day
 * LEDGER#{agreementId}                {reminderId}          a reminder handled: sent (to whom) or suppressed (why)
 * CALENDAR#england-and-wales          BANKHOLIDAYS          the bank holidays, as data
 * PERSON#{personId}                   ADDRESS               a person's address: an officer's, given when a manager named them
 * </pre>
 *
 * A record is written with a condition on its {@code version} and its audit entry in one
 * transaction: both or neither. The reminders planned for it are in the record itself, so they
 * change with it. The day index points each record at one day, its first reminder not yet handled,
 * not at every day it plans on: 100,000 agreements are 100,000 pointers, not the 4.8 million of their
 * reminders. A write points the record at the first day of the reminders it adds, before the record
 * is written (a reminder is never missing from the index); the daily run, having handled a record's
 * reminders due by its day, points it at its next day before it clears the days it read. A pointer
 * left behind by a failed write, a variation or a run points at a record with nothing on that day,
 * which costs a read and nothing else.
 * A ledger row is written once ({@code attribute_not_exists}), with its audit entry.
 */
public final class DynamoMonitoringStore implements MonitoringStore {

    /** The calendar whose bank holidays monitoring counts working days by (M1). */
    static final String CALENDAR = "england-and-wales";
    private static final int MAX_TRANSACTION_ITEMS = 100;
    private static final LocalDate LAST_SORTABLE_DAY = LocalDate.of(9999, 12, 31);

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoMonitoringStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    /** The record, its organisation's lists and the audit entry, all or none; false if the record was there. */
    @Override
    public boolean create(MonitoredAgreement fresh, List<Reminder> planned, AuditEntry entry) {
        pointAtFirstDay(fresh.id(), planned);
        String organisation = fresh.agreement().organisation();
        return transactListingDaysThatMayBeRead(new ArrayList<>(List.of(putNew(MonitoringItems.agreement(fresh, planned)),
                put(MonitoringItems.organisationListed(organisation)),
                put(MonitoringItems.ofOrganisation(organisation, fresh.id())),
                audit.inTransaction(entry))), plannedDays(planned));
    }

    @Override
    public Optional<MonitoredAgreement> agreement(String agreementId) {
        return record(agreementId).map(MonitoringItems::agreement);
    }

    @Override
    public List<MonitoredAgreement> ofOrganisation(String organisation) {
        return ofOrganisationAsRead(organisation).stream().map(Read::agreement).toList();
    }

    /** The organisation's listing, then each agreement's record, with the reminders it plans. */
    @Override
    public List<Read> ofOrganisationAsRead(String organisation) {
        return table.query(Keys.agreementsOf(organisation), "").stream().map(item -> text(item, "agreementId"))
                .map(this::record).flatMap(Optional::stream)
                .map(item -> new Read(MonitoringItems.agreement(item), MonitoringItems.planned(item))).toList();
    }

    @Override
    public List<String> organisations() {
        return table.query(Keys.AGREEMENT_ORGANISATIONS, "").stream().map(item -> text(item, "organisation")).toList();
    }

    /**
     * Refused, with nothing written, when the stored record is not at {@code expectedVersion}: read
     * first, and again by the transaction's condition for a writer that got in between.
     */
    @Override
    public boolean replace(MonitoredAgreement next, long expectedVersion, List<Reminder> planned, AuditEntry entry) {
        return replace(next, expectedVersion, planned, entry, List.of());
    }

    private boolean replace(MonitoredAgreement next, long expectedVersion, List<Reminder> planned, AuditEntry entry,
                            List<TransactWriteItem> alongside) {
        Optional<Map<String, AttributeValue>> current = record(next.id());
        if (current.isEmpty() || GrantsTable.number(current.get(), MonitoringItems.VERSION) != expectedVersion) {
            return false;
        }
        return replaceFrom(MonitoringItems.planned(current.get()), next, expectedVersion, planned, entry, alongside);
    }

    /**
     * The write from a record read at {@code expectedVersion} planning {@code plannedBefore}: its new
     * reminders pointed at, then the record at that version, its audit entry and {@code alongside}, all
     * or none (the condition refuses them if the record changed or went meanwhile; a day pointer written
     * first may stay, which the daily run, reading the record itself, passes over).
     */
    private boolean replaceFrom(List<Reminder> plannedBefore, MonitoredAgreement next, long expectedVersion,
                                List<Reminder> planned, AuditEntry entry, List<TransactWriteItem> alongside) {
        Set<String> before = plannedBefore.stream().map(Reminder::id).collect(Collectors.toSet());
        List<Reminder> newReminders = planned.stream().filter(reminder -> !before.contains(reminder.id())).toList();
        pointAtFirstDay(next.id(), newReminders);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                putAtVersion(MonitoringItems.agreement(next, planned), expectedVersion), audit.inTransaction(entry)));
        writes.addAll(alongside);
        return transactListingDaysThatMayBeRead(writes, plannedDays(newReminders));
    }

    /**
     * The agreement's write with, in the same transaction, the run's lines for what it paid; from the record
     * as the run read it ({@link #ofOrganisationAsRead}), not read again: the condition on its version
     * refuses a record changed meanwhile.
     */
    @Override
    public boolean replacePaying(Read read, MonitoredAgreement next, List<Reminder> planned, AuditEntry entry,
                                 KeptPaymentRun.Begun run, List<KeptPaymentRun.Paid> paid) {
        if (!read.agreement().id().equals(next.id())) {
            throw new IllegalArgumentException("agreement " + next.id() + " written from the record of " + read.agreement().id());
        }
        return replaceFrom(read.planned(), next, read.agreement().version(), planned, entry,
                paid.stream().map(line -> put(PaymentRunItems.paid(run, line))).toList());
    }

    /** The agreement's write with, in the same transaction, the address of the officer it names. */
    @Override
    public boolean replaceNamingOfficer(MonitoredAgreement next, long expectedVersion, List<Reminder> planned,
                                        AuditEntry entry, String personId, String email) {
        return replace(next, expectedVersion, planned, entry,
                List.of(put(MonitoringItems.personAddress(personId, email))));
    }

    @Override
    public Optional<String> addressOf(String personId) {
        return table.get(Keys.person(personId), Keys.PERSON_ADDRESS_ITEM).map(MonitoringItems::email);
    }

    @Override
    public void keepHeld(KeptPaymentRun.Begun run, List<KeptPaymentRun.Held> held) {
        held.forEach(line -> putItem(PaymentRunItems.held(run, line)));
    }

    @Override
    public void keepRunMade(KeptPaymentRun.Begun run, KeptPaymentRun.Made made) {
        putItem(PaymentRunItems.made(run, made));
    }

    @Override
    public List<KeptPaymentRun> paymentRuns(LocalDate day) {
        return PaymentRunItems.runs(day, table.query(Keys.paymentRunsOn(day), ""));
    }

    /**
     * The writes, and in the same transaction the listing again (a new stamp) of each day of a new
     * reminder that the daily run may be reading now (up to two days ahead of this clock, for time zones): a run that
     * read such a day before this commit cannot clear it, so the next run handles its new reminder
     * (M8). A write planning more past days than a transaction holds (an agreement entered long after
     * it began) lists the rest just after; only a crash between the two could leave one unread.
     */
    private boolean transactListingDaysThatMayBeRead(List<TransactWriteItem> writes, Set<LocalDate> daysOfNewReminders) {
        LocalDate readable = LocalDate.now(table.clock()).plusDays(2);
        List<LocalDate> mayBeRead = daysOfNewReminders.stream().filter(day -> !day.isAfter(readable)).toList();
        int room = MAX_TRANSACTION_ITEMS - writes.size();
        mayBeRead.stream().limit(room).forEach(day -> writes.add(put(MonitoringItems.dayListed(day))));
        boolean written = transact(writes);
        if (written && mayBeRead.size() > room) {
            mayBeRead.stream().skip(room).map(MonitoringItems::dayListed).forEach(this::putItem);
        }
        return written;
    }

    /**
     * The days still listed up to {@code day} (a complete run clears the days it read), the agreements
     * each points at, in their records the reminders planned by then that their ledgers do not have,
     * and the day each agreement's next reminder falls on. Its cost grows with the days not yet handled
     * and the agreements whose next reminder has come, never with every agreement or every day gone by.
     */
    @Override
    public DueReminders remindersDueBy(LocalDate day) {
        List<DueReminders.ListedDay> listed = daysUpTo(day);
        Set<String> agreementIds = new TreeSet<>();
        for (DueReminders.ListedDay listedDay : listed) {
            table.query(Keys.remindersOn(listedDay.day()), "").forEach(item -> agreementIds.add(text(item, "agreementId")));
        }
        List<Reminder> due = new ArrayList<>();
        List<DueReminders.NextDay> nextDays = new ArrayList<>();
        for (String agreementId : agreementIds) {
            List<Reminder> planned = record(agreementId).map(MonitoringItems::planned).orElse(List.of());
            if (planned.isEmpty()) {
                continue;
            }
            Set<String> handled = handledIds(agreementId);
            List<Reminder> unhandled = planned.stream().filter(reminder -> !handled.contains(reminder.id())).toList();
            unhandled.stream().filter(reminder -> !reminder.plannedOn().isAfter(day)).forEach(due::add);
            unhandled.stream().map(Reminder::plannedOn).filter(plannedOn -> plannedOn.isAfter(day)).min(LocalDate::compareTo)
                    .ifPresent(next -> nextDays.add(new DueReminders.NextDay(agreementId, next)));
        }
        return new DueReminders(due.stream().sorted(Reminder.BY_DAY_THEN_ID).toList(), listed, nextDays);
    }

    /**
     * Points each agreement read at its next day, then takes each day read off the list, unless it
     * was listed again since (its stamp changed). A run that stops in between is read again whole by
     * the next, which handles nothing twice and points the same agreements at the same days.
     */
    @Override
    public void allHandled(DueReminders due) {
        due.nextDays().forEach(next -> putItem(MonitoringItems.remindedOn(next.day(), next.agreementId())));
        due.nextDays().stream().map(DueReminders.NextDay::day).distinct()
                .forEach(day -> putItem(MonitoringItems.dayListed(day)));
        for (DueReminders.ListedDay listed : due.days()) {
            try {
                table.client().deleteItem(request -> request.tableName(table.name())
                        .key(GrantsTable.key(Keys.REMINDER_DAYS, Keys.day(listed.day())))
                        .conditionExpression("#stamp = :stamp")
                        .expressionAttributeNames(Map.of("#stamp", MonitoringItems.DAY_STAMP))
                        .expressionAttributeValues(Map.of(":stamp", s(listed.stamp()))));
            } catch (ConditionalCheckFailedException plannedOnSince) {
                // a write planned a reminder on this day after it was read: the next run reads it again
            }
        }
    }

    /** The ledger row, once per reminder id, and its audit entry; false if the ledger had it, and nothing is written. */
    @Override
    public boolean recordReminder(LedgerEntry entry, AuditEntry auditEntry) {
        // Its email, queued by the notices machinery once its item is on the stream: once, with the row.
        Optional<Notice> email = entry.outcome() == LedgerEntry.Outcome.SENT
                ? Optional.of(Notice.reminder(auditEntry.programmeId(), entry.reminder().id(), entry.recipients(),
                auditEntry.at())) : Optional.empty();
        return ReminderLedgerRows.writeOnce(table, audit, MonitoringItems.ledgerEntry(entry), auditEntry, email);
    }

    @Override
    public List<LedgerEntry> ledger(String agreementId) {
        return table.query(Keys.ledger(agreementId), "").stream().map(MonitoringItems::ledgerEntry)
                .sorted(Comparator.comparing(LedgerEntry::reminder, Reminder.BY_DAY_THEN_ID)).toList();
    }

    @Override
    public Optional<MonitoringSettings> settingsOf(String scopeId) {
        return table.get(Keys.monitoringSettings(scopeId), Keys.SETTINGS_ITEM).map(MonitoringItems::scopeSettings);
    }

    /**
     * The scope's settings and the audit entry, both or neither, over the settings read: the item keeps
     * them in words too, which say everything about them, so the condition compares one string.
     */
    @Override
    public boolean keepSettings(String scopeId, MonitoringSettings settings, Optional<MonitoringSettings> expected,
                                AuditEntry entry) {
        Map<String, AttributeValue> item = MonitoringItems.scopeSettings(scopeId, settings);
        TransactWriteItem write = expected.map(was -> TransactWriteItem.builder().put(put -> put
                        .tableName(table.name()).item(item).conditionExpression("#words = :was")
                        .expressionAttributeNames(Map.of("#words", MonitoringItems.SETTINGS_IN_WORDS))
                        .expressionAttributeValues(Map.of(":was", s(was.words())))).build())
                .orElseGet(() -> putNew(item));
        return transact(List.of(write, audit.inTransaction(entry)));
    }

    @Override
    public List<LocalDate> bankHolidays() {
        return table.get(Keys.calendar(CALENDAR), Keys.BANK_HOLIDAYS_ITEM).map(MonitoringItems::bankHolidays)
                .orElse(List.of());
    }

    /** Replaces the bank holidays when a stack is set up (the replay's, a test's): no audit entry. */
    public void putBankHolidays(List<LocalDate> days) {
        putItem(MonitoringItems.bankHolidays(CALENDAR, days));
    }

    /** Replaces the bank holidays with the change's audit entry: how a new one is added without a deploy. */
    @Override
    public void keepBankHolidays(List<LocalDate> days, AuditEntry entry) {
        transact(List.of(put(MonitoringItems.bankHolidays(CALENDAR, days)), audit.inTransaction(entry)));
    }

    // ---- helpers ----

    private Optional<Map<String, AttributeValue>> record(String agreementId) {
        return table.get(Keys.agreement(agreementId), Keys.AGREEMENT_ITEM);
    }

    /**
     * Points the first day of these reminders at the agreement, and lists the day: the daily run that
     * reads it handles them and points the agreement on. One put each, not BatchWriteItem: a batch may
     * delete too, which no function but the run writers may (TemplateRulesTest).
     */
    private void pointAtFirstDay(String agreementId, List<Reminder> reminders) {
        MonitoringItems.firstDayPointer(agreementId, reminders).forEach(this::putItem);
    }

    private void putItem(Map<String, AttributeValue> item) {
        table.client().putItem(request -> request.tableName(table.name()).item(item));
    }

    private static Set<LocalDate> plannedDays(List<Reminder> planned) {
        return planned.stream().map(Reminder::plannedOn).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The days listed on or before {@code day}; beyond year 9999 an ISO date no longer sorts as its text does. */
    private List<DueReminders.ListedDay> daysUpTo(LocalDate day) {
        LocalDate upTo = day.isAfter(LAST_SORTABLE_DAY) ? LAST_SORTABLE_DAY : day;
        return table.client().queryPaginator(request -> request.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk <= :day")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.REMINDER_DAYS), ":day", s(Keys.day(upTo)))))
                .items().stream().map(MonitoringItems::listedDay).toList();
    }

    private Set<String> handledIds(String agreementId) {
        return table.query(Keys.ledger(agreementId), "").stream().map(item -> item.get(GrantsTable.SK).s())
                .collect(Collectors.toSet());
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item)).build();
    }

    /** A put that fails if an item has its key. */
    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return Transactions.putNew(table.name(), item);
    }

    /** A put that fails unless the stored record is at {@code expectedVersion}. */
    private TransactWriteItem putAtVersion(Map<String, AttributeValue> item, long expectedVersion) {
        return Transactions.putAtVersion(table.name(), item, MonitoringItems.VERSION, expectedVersion);
    }

    /** Writes all or none; false when the first write's condition failed ({@link Transactions}). */
    private boolean transact(List<TransactWriteItem> writes) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), writes);
    }
}
