package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Act;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.DueReminders;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.Holds;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Participant;
import grants.core.monitoring.Reminder;
import grants.core.monitoring.ScopeSettings;
import grants.core.monitoring.ReturnState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Monitoring in DynamoDB on the local stack, driven through its use cases: an agreement's whole
 * record reads back as it was written, a write from a stale version changes nothing, a reminder
 * enters the ledger once however many runs race for it, the daily run finds what is due by the day,
 * and every change lands with its audit entry or not at all.
 */
class DynamoMonitoringStoreTest {

    private static final String ROUND = "round-1";
    private static final String A = "contract-a";
    private static final String Q1 = A + "/2024-25 Q1";
    private static final String Q2 = A + "/2024-25 Q2";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<LocalDate> BANK_HOLIDAYS = List.of(LocalDate.parse("2024-05-06"),
            LocalDate.parse("2024-05-27"), LocalDate.parse("2024-08-26"));
    private static final MonitoringSettings SETTINGS = new MonitoringSettings(20, 40, 5, true, true, List.of(
            new MonitoringSettings.ReminderRule("r-before", -5, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-escalate", 10, MonitoringSettings.Audience.OFFICER)));
    private static final Addressees ADDRESSEES = new Addressees() {
        @Override
        public List<String> leadContacts(String organisation) {
            return List.of("lead@" + organisation + ".example");
        }

        @Override
        public List<String> person(String personId) {
            return List.of(personId + "@council.example");
        }
    };

    private final Actor manager = person("manager", Role.PROGRAMME_MANAGER, null);
    private final Actor finance = person("finance", Role.FINANCE_OFFICER, null);
    private final Actor officer = person("officer", Role.OFFICER, null);
    private final Actor subGroup = person("sub-group", Role.SUB_GROUP, null);
    private final Actor lead = person("lead", Role.LEAD_CONTACT, "org");

    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoMonitoringStore store;
    private DynamoAuditTrail trail;
    private Instant now = Instant.EPOCH;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoMonitoringStore(table, auditTable);
        trail = new DynamoAuditTrail(auditTable);
        store.putBankHolidays(BANK_HOLIDAYS);
        new ScopeSettings(store, Clock.systemUTC()).keep(manager, ROUND, SETTINGS);
    }

    private static Actor person(String id, Role role, String organisation) {
        return new Actor("sub-" + id, id + "@example", role == null ? Set.of() : Set.of(role), Optional.empty(),
                Optional.empty(), Set.of(ROUND), Optional.of(id), Optional.ofNullable(organisation));
    }

    /** The use cases on the Dynamo store, at 09:00 on the day. */
    private MonitoringService on(String day) {
        now = LocalDate.parse(day).atTime(9, 0).atZone(LONDON).toInstant();
        return new MonitoringService(store, ADDRESSEES, Clock.fixed(now, LONDON));
    }

    /** The use cases on the Dynamo store, at a moment of a day ({@code 2024-04-01T15:30}, London). */
    private MonitoringService at(String dayAndTime) {
        now = java.time.LocalDateTime.parse(dayAndTime).atZone(LONDON).toInstant();
        return new MonitoringService(store, ADDRESSEES, Clock.fixed(now, LONDON));
    }

    private static Agreement agreement(String id, String organisation) {
        return new Agreement(id, Agreement.Source.CONTRACT, ROUND, organisation, "officer",
                LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2024-04-01"), 250_000_00),
                        new Agreement.Instalment(2, LocalDate.parse("2024-07-01"), 250_000_00),
                        new Agreement.Instalment(3, LocalDate.parse("2024-10-01"), 125_000_55)),
                List.of(new Agreement.Milestone(id + "/m1", LocalDate.parse("2024-06-28"), "Steering group", Set.of(2))),
                List.of(new Agreement.Output("People", 100), new Agreement.Output("Sessions", 12)));
    }

    /** What was recorded about agreements: the round's settings, kept before each test, left out. */
    private List<String> recordedActions() {
        List<String> actions = new ArrayList<>(trail.page(ROUND, Optional.empty(), 1000).entries().stream()
                .map(AuditEntry::action).filter(action -> !action.equals("MONITORING_SETTINGS_KEPT")).toList());
        java.util.Collections.reverse(actions); // the trail reads newest first
        return actions;
    }

    private static List<Reminder> plannedFor(MonitoredAgreement agreement) {
        return Reminder.plannedFor(agreement, new WorkingDays(BANK_HOLIDAYS));
    }

    @Test
    void anAgreementAndEverythingThatHappenedUnderItReadsBackAsItWasWritten() {
        assertThat(store.bankHolidays()).containsExactlyElementsOf(BANK_HOLIDAYS);
        assertThat(on("2024-03-20").enter(manager, List.of(agreement(A, "org")))).containsExactly(A);
        on("2024-04-01").runPayments(finance);
        on("2024-06-20").hold(finance, A, 2, "Awaiting the steering group's minutes");
        on("2024-07-01").runPayments(finance);
        on("2024-07-01").askForOverride(officer, A, 2, "The minutes are on their way");
        on("2024-07-01").approveOverride(manager, A, 2);
        on("2024-07-02").submit(lead, Q1, Map.of("People", 30L, "Sessions", 3L), "Sessions delivered.", "More.");
        on("2024-07-02").sendBack(officer, Q1, "Add the attendance sheets");
        on("2024-07-03").submit(lead, Q1, Map.of("People", 31L), "Sessions, with the sheets.", "More.");
        on("2024-07-03").accept(subGroup, Q1);
        on("2024-07-03").achieve(officer, A + "/m1", "Minutes of 27 June");
        on("2024-07-04").varyReturn(manager, Q2, LocalDate.parse("2024-11-01"), "Summer closure");
        on("2024-10-02").skip(manager, Q2, "Reported with Q3");
        MonitoredAgreement last = on("2024-10-02").terminate(manager, A, "The project closed");

        MonitoredAgreement stored = store.agreement(A).orElseThrow();
        assertThat(stored).isEqualTo(last);
        assertThat(stored.instalment(1).paidOn()).contains(LocalDate.parse("2024-04-01"));
        assertThat(stored.instalment(2).heldByLastRun()).isTrue();
        assertThat(stored.instalment(2).override()).hasValueSatisfying(o -> assertThat(o.approvedBy()).isEqualTo("manager"));
        assertThat(stored.instalment(3).instalment().pence()).isEqualTo(125_000_55);
        assertThat(stored.returnRecord(Q1).versions()).extracting(v -> v.outputs()).containsExactly(
                Map.of("People", 30L, "Sessions", 3L), Map.of("People", 31L));
        assertThat(stored.returnRecord(Q1).stateOn(LocalDate.parse("2024-10-02"))).isEqualTo(ReturnState.ACCEPTED);
        assertThat(stored.returnRecord(Q2).due()).isEqualTo(LocalDate.parse("2024-11-01"));
        assertThat(stored.returnRecord(Q2).variations()).singleElement()
                .satisfies(v -> assertThat(v.from()).isEqualTo(stored.returnRecord(Q2).plan().originalDue()));
        assertThat(stored.termination()).hasValueSatisfying(t -> assertThat(t.words()).isEqualTo("The project closed"));
        assertThat(store.ofOrganisation("org")).containsExactly(last);
        assertThat(store.organisations()).containsExactly("org");

        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED", "PAYMENT_RUN", "INSTALMENT_HELD",
                "PAYMENT_RUN", "OVERRIDE_ASKED_FOR", "OVERRIDE_APPROVED", "RETURN_SUBMITTED", "RETURN_SENT_BACK",
                "RETURN_SUBMITTED", "RETURN_ACCEPTED", "MILESTONE_ACHIEVED", "RETURN_VARIED", "RETURN_SKIPPED",
                "AGREEMENT_TERMINATED");
    }

    @Test
    void aPaymentRunReadsBackAsItWasMadeWithEveryReasonAHeldLineHas() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        PaymentRun made = on("2024-07-01").runPayments(finance);

        KeptPaymentRun kept = store.paymentRuns(LocalDate.parse("2024-07-01")).get(0);
        assertThat(kept.paid()).extracting(KeptPaymentRun.Paid::payment).containsExactlyElementsOf(made.paid());
        assertThat(kept.held()).extracting(KeptPaymentRun.Held::hold).containsExactlyElementsOf(made.held());
        assertThat(kept.held()).singleElement().satisfies(line -> {
            assertThat(line.hold().reasons()).containsExactly(HoldReason.MILESTONE_MISSED);
            assertThat(line.hold().blocking()).containsExactly(A + "/m1");
            assertThat(line.trail()).isEqualTo(ROUND);
        });
        assertThat(kept.paid()).singleElement().satisfies(line -> {
            assertThat(line.payment().instalment().number()).isEqualTo(1);
            assertThat(line.source()).isEqualTo(Agreement.Source.CONTRACT);
            assertThat(line.payee()).isEqualTo("org");
        });
        assertThat(kept.complete()).isTrue();
        assertThat(kept.begun().by()).isEqualTo("finance@example");
        assertThat(kept.made()).contains(new KeptPaymentRun.Made(now, 1, 250_000_00, 1, 250_000_00));
        assertThat(store.paymentRuns(LocalDate.parse("2024-07-02"))).as("another day has no run").isEmpty();
    }

    @Test
    void twoRunsOnOneDayAreBothKeptInTheOrderTheyWereMade() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        on("2024-04-01").runPayments(finance);
        at("2024-04-01T15:30").enter(manager, List.of(agreement("contract-b", "org-b")));
        at("2024-04-01T15:45").runPayments(manager);

        List<KeptPaymentRun> runs = store.paymentRuns(LocalDate.parse("2024-04-01"));
        assertThat(runs).extracting(run -> run.begun().by())
                .containsExactly("finance@example", "manager@example");
        assertThat(runs).extracting(run -> run.paid().stream().map(p -> p.payment().agreementId()).toList())
                .containsExactly(List.of(A), List.of("contract-b"));
        assertThat(runs).allMatch(KeptPaymentRun::complete);
    }

    @Test
    void aRunThatStoppedBeforeItsHeaderIsIncompleteButEveryPaymentItMadeIsThere() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org"), agreement("contract-b", "org-b")));
        MonitoringStore stopsBeforeItsHeader = (MonitoringStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MonitoringStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("keepRunMade")) {
                        throw new IllegalStateException("the function timed out");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        now = LocalDate.parse("2024-04-01").atTime(9, 0).atZone(LONDON).toInstant();
        assertThatThrownBy(() -> new MonitoringService(stopsBeforeItsHeader, ADDRESSEES, Clock.fixed(now, LONDON)).runPayments(finance)).hasMessageContaining("timed out");

        KeptPaymentRun kept = store.paymentRuns(LocalDate.parse("2024-04-01")).get(0);
        assertThat(kept.complete()).isFalse();
        assertThat(kept.begun().by()).as("every line says who made its run").isEqualTo("finance@example");
        assertThat(kept.paid()).extracting(line -> line.payment().agreementId()).containsExactly(A, "contract-b");
        assertThat(store.agreement(A).orElseThrow().instalment(1).paidOn()).contains(LocalDate.parse("2024-04-01"));
        assertThat(store.agreement("contract-b").orElseThrow().instalment(1).paidOn())
                .contains(LocalDate.parse("2024-04-01"));
    }

    @Test
    void aWriteFromAStaleVersionIsRefusedAndNothingIsWritten() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        MonitoredAgreement readBefore = store.agreement(A).orElseThrow();
        MonitoredAgreement first = on("2024-06-20").hold(finance, A, 2, "First hold");

        // A second finance officer read the agreement before the first hold and writes from that.
        MonitoredAgreement stale = readBefore.hold(3, new Participant("finance-2", Participant.Kind.FINANCE,
                Optional.empty()), new Act(LocalDate.parse("2024-06-20"), "finance-2", "Second hold"));
        assertThat(store.replace(stale, readBefore.version(), plannedFor(stale),
                AuditEntry.by(finance, now, ROUND, "INSTALMENT_HELD", "instalment " + A + "/3", null, "held"))).isFalse();

        assertThat(store.agreement(A)).contains(first);
        assertThat(store.agreement(A).orElseThrow().instalment(3).manualHold()).isEmpty();
        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED", "INSTALMENT_HELD");
        assertThat(store.replace(stale, 99, List.of(),
                AuditEntry.by(finance, now, ROUND, "X", "x", null, null))).as("no record is at version 99").isFalse();
        assertThat(store.replace(MonitoredAgreement.start(agreement("contract-unknown", "org"), SETTINGS,
                new WorkingDays(BANK_HOLIDAYS)), 0, List.of(), AuditEntry.by(finance, now, ROUND, "X", "x", null, null)))
                .as("an agreement never entered is not created by a replace").isFalse();
        assertThat(store.agreement("contract-unknown")).isEmpty();
        assertThat(recordedActions()).hasSize(2);
    }

    /** A payment run writes from the record as it read it (not read again): a change made since refuses the write. */
    @Test
    void aPaymentRunsWriteFromARecordChangedSinceItWasReadIsRefusedAndKeepsNoLine() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        MonitoringStore.Read read = store.ofOrganisationAsRead("org").get(0);
        assertThat(read.agreement()).isEqualTo(store.agreement(A).orElseThrow());
        assertThat(read.planned()).as("the reminders its record plans").isEqualTo(plannedFor(read.agreement()));
        MonitoredAgreement first = on("2024-06-20").hold(finance, A, 2, "First hold");

        LocalDate day = LocalDate.parse("2024-04-01");
        PaymentRun run = PaymentRun.on(day, List.of(read.agreement()), new Holds(new WorkingDays(BANK_HOLIDAYS)));
        MonitoredAgreement next = run.agreements().get(0);
        KeptPaymentRun.Begun begun = KeptPaymentRun.Begun.now(day, now, "finance@example");
        List<KeptPaymentRun.Paid> lines = run.paid().stream().map(payment -> new KeptPaymentRun.Paid(payment, ROUND,
                Agreement.Source.CONTRACT, "org")).toList();
        assertThat(lines).hasSize(1);
        assertThat(store.replacePaying(read, next, plannedFor(next), AuditEntry.by(finance, now, ROUND,
                "PAYMENT_RUN", "instalments of " + A, null, "paid"), begun, lines)).isFalse();

        assertThat(store.agreement(A)).contains(first);
        assertThat(store.paymentRuns(day)).as("no line without its payment").isEmpty();
        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED", "INSTALMENT_HELD");

        MonitoringStore.Read again = store.ofOrganisationAsRead("org").get(0);
        PaymentRun fromAgain = PaymentRun.on(day, List.of(again.agreement()), new Holds(new WorkingDays(BANK_HOLIDAYS)));
        assertThat(store.replacePaying(again, fromAgain.agreements().get(0), plannedFor(first),
                AuditEntry.by(finance, now, ROUND, "PAYMENT_RUN", "instalments of " + A, null, "paid"), begun,
                lines)).as("from the record as it is now").isTrue();
        assertThat(store.paymentRuns(day).get(0).paid()).extracting(line -> line.payment().agreementId())
                .containsExactly(A);
        assertThat(store.agreement(A).orElseThrow().instalment(1).paidOn()).contains(day);
    }

    @Test
    void anOfficerNamedIsKeptWithTheirAddressAndAStaleNamingWritesNeither() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        MonitoredAgreement readBefore = store.agreement(A).orElseThrow();

        on("2024-04-02").nameOfficer(manager, A, "officer-chen", "chen@round.example");

        assertThat(store.agreement(A).orElseThrow().agreement().officer()).isEqualTo("officer-chen");
        assertThat(store.addressOf("officer-chen")).contains("chen@round.example");
        MonitoredAgreement stale = readBefore.withOfficer("officer-amir");
        assertThat(store.replaceNamingOfficer(stale, readBefore.version(), plannedFor(stale),
                AuditEntry.by(manager, now, ROUND, "OFFICER_NAMED", "agreement " + A, null, "officer officer-amir"),
                "officer-amir", "amir@round.example")).isFalse();
        assertThat(store.addressOf("officer-amir")).as("no address without its agreement's change").isEmpty();
        assertThat(store.agreement(A).orElseThrow().agreement().officer()).isEqualTo("officer-chen");
        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED", "OFFICER_NAMED");
    }

    @Test
    void aReminderEntersTheLedgerOnceWhenTwoRunsRaceForIt() throws Exception {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        List<Reminder> firstFew = store.unhandledRemindersDueBy(LocalDate.MAX).subList(0, 4);
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            for (Reminder reminder : firstFew) {
                LedgerEntry sent = new LedgerEntry(reminder, reminder.plannedOn(), LedgerEntry.Outcome.SENT,
                        Optional.empty(), List.of("lead@org.example"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> writers = new ArrayList<>();
                for (String runner : List.of("run-1", "run-2")) {
                    DynamoMonitoringStore own = new DynamoMonitoringStore(table, auditTable);
                    AuditEntry entry = AuditEntry.by(MonitoringService.DAILY_RUN, now, ROUND, "REMINDER_SENT",
                            "reminder " + reminder.id(), null, runner);
                    writers.add(runners.submit(() -> {
                        start.await();
                        return own.recordReminder(sent, entry);
                    }));
                }
                start.countDown();
                assertThat(List.of(writers.get(0).get(), writers.get(1).get())).as(reminder.id())
                        .containsExactlyInAnyOrder(true, false);
            }
        } finally {
            runners.shutdownNow();
        }

        assertThat(store.ledger(A)).extracting(LedgerEntry::reminder).containsExactlyElementsOf(firstFew);
        assertThat(store.ledger(A)).allSatisfy(entry -> assertThat(entry.recipients()).containsExactly("lead@org.example"));
        assertThat(recordedActions()).filteredOn("REMINDER_SENT"::equals).hasSize(firstFew.size());
        assertThat(store.unhandledRemindersDueBy(LocalDate.MAX)).doesNotContainAnyElementsOf(firstFew);
    }

    @Test
    void theDailyRunReadsTheRemindersDueByItsDayAndHandlesEachOnce() {
        MonitoringService entering = on("2024-03-20");
        entering.enter(manager, List.of(agreement(A, "org"), agreement("contract-b", "org-b")));
        List<Reminder> planned = Stream.concat(plannedFor(store.agreement(A).orElseThrow()).stream(),
                plannedFor(store.agreement("contract-b").orElseThrow()).stream())
                .sorted(Reminder.BY_DAY_THEN_ID).toList();
        assertThat(store.unhandledRemindersDueBy(LocalDate.MAX)).isEqualTo(planned);

        LocalDate firstDay = planned.get(0).plannedOn();
        List<Reminder> dueOnFirstDay = planned.stream().filter(r -> r.plannedOn().equals(firstDay)).toList();
        assertThat(dueOnFirstDay).extracting(Reminder::agreementId).contains(A, "contract-b");
        assertThat(store.unhandledRemindersDueBy(firstDay.minusDays(1))).isEmpty();
        assertThat(store.unhandledRemindersDueBy(firstDay)).isEqualTo(dueOnFirstDay);

        // A run missed on the first day is caught up the next working day, with that day's own.
        LocalDate nextDay = new WorkingDays(BANK_HOLIDAYS).after(firstDay, 1);
        List<LedgerEntry> handled = on(nextDay.toString()).runReminders();
        assertThat(handled).extracting(LedgerEntry::reminder).isEqualTo(planned.stream()
                .filter(r -> !r.plannedOn().isAfter(nextDay)).toList());
        assertThat(handled).filteredOn(e -> e.reminder().plannedOn().equals(firstDay)).allMatch(LedgerEntry::caughtUp);
        assertThat(on(nextDay.toString()).runReminders()).as("run again, it handles nothing twice").isEmpty();
        assertThat(store.unhandledRemindersDueBy(nextDay)).isEmpty();
        assertThat(store.remindersDueBy(nextDay).days()).as("a complete run leaves no day gone by to read again").isEmpty();
        assertThat(store.remindersDueBy(LocalDate.MAX).days()).as("the days still to come").isNotEmpty();
        assertThat(store.ledger(A)).extracting(LedgerEntry::reminder)
                .isEqualTo(handled.stream().map(LedgerEntry::reminder).filter(r -> r.agreementId().equals(A)).toList());

        // A due date moved later: the reminders for the old date whose day has not come are not made.
        LocalDate oldDue = store.agreement(A).orElseThrow().returnRecord(Q2).due();
        on(nextDay.toString()).varyReturn(manager, Q2, oldDue.plusWeeks(2), "Summer closure");
        List<Reminder> afterVariation = store.unhandledRemindersDueBy(LocalDate.MAX).stream()
                .filter(r -> r.returnId().equals(Q2)).toList();
        assertThat(afterVariation).extracting(Reminder::dueDate).containsOnly(oldDue.plusWeeks(2)).hasSize(3);
    }

    @Test
    void theRunOnEveryWorkingDayHandlesEachReminderOnItsOwnDayFromOnePointerPerAgreement() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org"), agreement("contract-b", "org-b")));
        List<Reminder> planned = store.unhandledRemindersDueBy(LocalDate.MAX);
        assertThat(planned.stream().map(Reminder::plannedOn).distinct()).hasSizeGreaterThan(4);
        assertThat(reminderPointers()).as("the index points each agreement at one day, not at every day it plans on")
                .hasSize(2);

        WorkingDays workingDays = new WorkingDays(BANK_HOLIDAYS);
        List<LedgerEntry> handled = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2024-03-20"); !day.isAfter(LocalDate.parse("2025-06-30")); day = day.plusDays(1)) {
            if (workingDays.isWorkingDay(day)) {
                handled.addAll(on(day.toString()).runReminders());
            }
        }
        assertThat(handled).extracting(LedgerEntry::reminder).isEqualTo(planned);
        assertThat(handled).as("each on its planned day, none caught up late").noneMatch(LedgerEntry::caughtUp);
        assertThat(store.remindersDueBy(LocalDate.MAX).days()).as("nothing left to read").isEmpty();
    }

    /** The index's pointers still listed for the run to read (those under days already cleared are never read). */
    private List<String> reminderPointers() {
        return store.remindersDueBy(LocalDate.MAX).days().stream()
                .flatMap(listed -> table.query(Keys.remindersOn(listed.day()), "").stream())
                .map(item -> item.get(GrantsTable.SK).s()).toList();
    }

    @Test
    void aReminderPlannedOnADayTheRunHadAlreadyReadIsHandledByTheNextRun() {
        on("2024-03-20").enter(manager, List.of(agreement(A, "org")));
        MonitoredAgreement entered = store.agreement(A).orElseThrow();
        Reminder firstOfQ1 = store.unhandledRemindersDueBy(LocalDate.MAX).get(0);
        LocalDate day = firstOfQ1.plannedOn();

        // The run reads the day; before it has finished, Q2 is brought forward to Q1's due date, so
        // Q2 gets a reminder on the very day the run has read (a day this agreement already planned on).
        DueReminders read = store.remindersDueBy(day);
        assertThat(read.reminders()).containsExactly(firstOfQ1);
        on(day.toString()).varyReturn(manager, Q2, entered.returnRecord(Q1).due(), "Both quarters together");
        for (Reminder reminder : read.reminders()) {
            store.recordReminder(new LedgerEntry(reminder, day, LedgerEntry.Outcome.SENT, Optional.empty(),
                    List.of("lead@org.example")), AuditEntry.by(MonitoringService.DAILY_RUN, now, ROUND,
                    "REMINDER_SENT", "reminder " + reminder.id(), null, "sent"));
        }
        store.allHandled(read);

        List<LedgerEntry> nextRun = on(day.toString()).runReminders();
        assertThat(nextRun).extracting(entry -> entry.reminder().returnId()).containsExactly(Q2);
        assertThat(nextRun.get(0).reminder().plannedOn()).isEqualTo(day);
        assertThat(store.remindersDueBy(day).days()).as("now the day is done").isEmpty();
    }

    @Test
    void everyChangeLandsWithItsAuditEntryOrNotAtAll() {
        MonitoredAgreement fresh = MonitoredAgreement.start(agreement(A, "org"), SETTINGS, new WorkingDays(BANK_HOLIDAYS));
        AuditEntry entered = AuditEntry.by(manager, now, ROUND, "AGREEMENT_ENTERED", "agreement " + A, null, "new");

        // The audit table is missing: the transaction fails whole, and no record is left without its entry.
        DynamoMonitoringStore noTrail = new DynamoMonitoringStore(table, new AuditTable(table.client(),
                table.name() + "-missing"));
        assertThatThrownBy(() -> noTrail.create(fresh, plannedFor(fresh), entered)).isInstanceOf(DynamoDbException.class);
        assertThat(store.agreement(A)).isEmpty();
        assertThat(store.organisations()).isEmpty();
        assertThat(store.unhandledRemindersDueBy(LocalDate.MAX)).as("the day index alone tells nothing").isEmpty();

        assertThat(store.create(fresh, plannedFor(fresh), entered)).isTrue();
        assertThat(store.create(fresh, plannedFor(fresh), entered)).as("created once").isFalse();
        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED");

        Reminder first = store.unhandledRemindersDueBy(LocalDate.MAX).get(0);
        LedgerEntry suppressed = new LedgerEntry(first, first.plannedOn(), LedgerEntry.Outcome.SUPPRESSED,
                Optional.of(LedgerEntry.Suppression.NO_CONTACT), List.of());
        AuditEntry handled = AuditEntry.by(MonitoringService.DAILY_RUN, now, ROUND, "REMINDER_SUPPRESSED",
                "reminder " + first.id(), null, "suppressed: NO_CONTACT");
        assertThatThrownBy(() -> noTrail.recordReminder(suppressed, handled)).isInstanceOf(DynamoDbException.class);
        assertThat(store.ledger(A)).isEmpty();
        assertThat(store.recordReminder(suppressed, handled)).isTrue();
        assertThat(store.recordReminder(suppressed, handled)).isFalse();
        assertThat(store.ledger(A)).containsExactly(suppressed);
        assertThat(recordedActions()).containsExactly("AGREEMENT_ENTERED", "REMINDER_SUPPRESSED");
        assertThat(trail.page(ROUND, Optional.empty(), 10).entries()).extracting(AuditEntry::target)
                .contains("reminder " + first.id());
    }

    @Test
    void bankHolidaysAreDataThatCanChange() {
        store.putBankHolidays(List.of(LocalDate.parse("2024-12-26"), LocalDate.parse("2024-12-25")));
        assertThat(store.bankHolidays()).containsExactly(LocalDate.parse("2024-12-25"), LocalDate.parse("2024-12-26"));
        assertThat(new DynamoMonitoringStore(table, auditTable).bankHolidays()).hasSize(2);
    }

    @Test
    void aRoundsSettingsReadBackAsKeptAndAChangeFromStaleSettingsWritesNothing() {
        MonitoringSettings later = new MonitoringSettings(15, 30, 3, false, false, List.of(
                new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD)));
        AuditEntry change = AuditEntry.by(manager, Instant.EPOCH, ROUND, "MONITORING_SETTINGS_KEPT", "settings", null,
                later.words());

        assertThat(store.settingsOf(ROUND)).contains(SETTINGS);
        assertThat(store.settingsOf("round-2")).isEmpty();
        assertThat(store.keepSettings(ROUND, later, Optional.of(MonitoringSettings.STANDARD), change))
                .as("kept over settings that are not the stored ones").isFalse();
        assertThat(store.keepSettings(ROUND, later, Optional.empty(), change)).as("kept as if none were").isFalse();
        assertThat(store.settingsOf(ROUND)).contains(SETTINGS);
        assertThat(trail.page(ROUND, Optional.empty(), 100).entries()).hasSize(1);

        assertThat(store.keepSettings(ROUND, later, Optional.of(SETTINGS), change)).isTrue();
        assertThat(store.settingsOf(ROUND)).contains(later);
        assertThat(trail.page(ROUND, Optional.empty(), 100).entries()).hasSize(2);
    }
}
