package grants.testing.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.WorkingDays;
import grants.core.errors.GrantsException;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.InstalmentRecord;
import grants.core.monitoring.InstalmentState;
import grants.core.monitoring.Payment;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.ReturnRecord;
import grants.testing.InMemoryAddressees;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.SettableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules M8 and M13 over random years: daily runs missed at random and retried at random, returns
 * handed in late or never, payment runs on random days. Whatever happens, no reminder is sent
 * twice or lost, none is sent for work already handed in, and every penny is in exactly one state.
 */
class MonitoringPropertiesTest {

    private static final LocalDate START = LocalDate.parse("2024-04-01");
    private static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    private static final WorkingDays CALENDAR = new WorkingDays(List.of(LocalDate.parse("2024-05-06"),
            LocalDate.parse("2024-12-25"), LocalDate.parse("2024-12-26"), LocalDate.parse("2025-04-18"),
            LocalDate.parse("2025-04-21")));
    private static final MonitoringSettings SETTINGS = new MonitoringSettings(20, 40, 5, true, true, List.of(
            new MonitoringSettings.ReminderRule("r-before", -5, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-late", 5, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-escalate", 10, MonitoringSettings.Audience.OFFICER)));

    private final Actor manager = Actor.system("manager", Role.PROGRAMME_MANAGER);
    private final Actor finance = Actor.system("finance", Role.FINANCE_OFFICER);
    private final Actor officer = new Actor("officer", "officer@example", Set.of(Role.OFFICER), Optional.empty(), Optional.empty(),
            Set.of(Actor.EVERY_PROGRAMME), Optional.of("officer"), Optional.empty());
    private final Actor lead = new Actor("lead", "lead@example", Set.of(Role.LEAD_CONTACT), Optional.empty(),
            Optional.empty(), Set.of(Actor.EVERY_PROGRAMME), Optional.of("lead"), Optional.of("org"));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void remindersAreHandledOnceAndMoneyIsConservedWhateverHappens(long seed) {
        Random random = new Random(seed);
        SettableClock clock = new SettableClock(java.time.Instant.EPOCH);
        InMemoryMonitoringStore store = new InMemoryMonitoringStore(CALENDAR.bankHolidays(), new InMemoryAuditTrail())
                .everyScopeMonitoredWith(SETTINGS);
        MonitoringService service = new MonitoringService(store, new InMemoryAddressees()
                .leadContact("lead", "lead@org.example", "org").person("officer", "officer@council.example"),
                clock);
        at(clock, START.minusDays(1));
        service.enter(manager, List.of(agreement("a", random), agreement("b", random)));

        Map<String, LocalDate> submittedOn = new TreeMap<>();
        List<Payment> paid = new ArrayList<>();
        LocalDate lastRun = null;
        for (LocalDate day = START; !day.isAfter(AS_OF); day = day.plusDays(1)) {
            at(clock, day);
            if (CALENDAR.isWorkingDay(day) && random.nextInt(5) > 0) {
                int runs = 1 + random.nextInt(2); // now and then a retry of the same day
                for (int run = 0; run < runs; run++) {
                    service.runReminders();
                }
                lastRun = day;
            }
            for (MonitoredAgreement agreement : store.ofOrganisation("org")) {
                for (ReturnRecord record : agreement.madeReturns()) {
                    if (!day.isBefore(record.plan().opensOn()) && !record.isFinal() && random.nextInt(25) == 0) {
                        act(() -> service.submit(lead, record.id(), Map.of("People", 10L), "Done.", "More."));
                        submittedOn.putIfAbsent(record.id(), day);
                        act(() -> service.accept(officer, record.id()));
                    }
                }
            }
            if (day.getDayOfMonth() == 1 + random.nextInt(28)) {
                paid.addAll(service.runPayments(finance).paid());
            }
        }

        List<LedgerEntry> ledger = new ArrayList<>();
        for (MonitoredAgreement agreement : store.ofOrganisation("org")) {
            ledger.addAll(store.ledger(agreement.id()));
            assertConserved(agreement, paid);
        }
        assertThat(paid).extracting(p -> p.agreementId() + "/" + p.instalment().number()).doesNotHaveDuplicates();
        assertThat(store.outbox()).extracting(e -> e.reminder().id()).doesNotHaveDuplicates();
        LocalDate lastRunDay = lastRun;
        assertThat(store.pending()).as("never lost: whatever was due by the last run was handled")
                .allSatisfy(r -> assertThat(r.plannedOn()).isAfter(lastRunDay));
        assertThat(ledger).filteredOn(e -> e.outcome() == LedgerEntry.Outcome.SENT)
                .as("never sent for a return handed in before the run")
                .allSatisfy(e -> assertThat(submittedOn.getOrDefault(e.reminder().returnId(), LocalDate.MAX))
                        .isAfterOrEqualTo(e.handledOn()));
    }

    /** M13: what the runs paid is what shows as paid; the rest is held, due or not yet due, to the penny. */
    private static void assertConserved(MonitoredAgreement agreement, List<Payment> paid) {
        Map<InstalmentState, Long> byState = new EnumMap<>(InstalmentState.class);
        for (InstalmentRecord instalment : agreement.instalments()) {
            byState.merge(agreement.stateOn(instalment, AS_OF), instalment.instalment().pence(), Long::sum);
        }
        assertThat(byState.getOrDefault(InstalmentState.PAID, 0L)).isEqualTo(paid.stream()
                .filter(p -> p.agreementId().equals(agreement.id())).mapToLong(p -> p.instalment().pence()).sum());
        assertThat(byState.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(agreement.agreement().totalPence());
    }

    /** Refusals (a return accepted already, say) are part of random lives. */
    private static void act(Runnable action) {
        try {
            action.run();
        } catch (GrantsException refused) {
            // refused, nothing changed
        }
    }

    private static Agreement agreement(String id, Random random) {
        int instalments = 2 + random.nextInt(4);
        long pence = 1 + random.nextInt(10_000_000);
        return new Agreement(id, Agreement.Source.CONTRACT, "round", "org", "officer", START,
                LocalDate.parse("2025-03-31"), IntStream.rangeClosed(1, instalments)
                .mapToObj(n -> new Agreement.Instalment(n, START.plusMonths(3L * (n - 1)), pence + n)).toList(),
                List.of(new Agreement.Milestone(id + "/m1", LocalDate.parse("2024-09-30"), "Steering group",
                        Set.of(2))), List.of(new Agreement.Output("People", 40)));
    }

    private static void at(SettableClock clock, LocalDate day) {
        clock.set(day.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

}
