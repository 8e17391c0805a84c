package grants.testing.monitoring;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.ForbiddenActionException;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Refusal;
import grants.core.monitoring.RefusedException;
import grants.core.monitoring.ReturnState;
import grants.testing.InMemoryAddressees;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Monitoring's use cases on the in-memory store: who may do what, the audit trail, the daily run, payment runs. */
class MonitoringServiceTest {

    private static final String Q1 = "contract-a/2024-25 Q1";

    private final SettableClock clock = new SettableClock(java.time.Instant.EPOCH);
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryMonitoringStore store = new InMemoryMonitoringStore(List.of(LocalDate.parse("2024-05-06"),
            LocalDate.parse("2024-05-27"), LocalDate.parse("2024-08-26")), trail);
    private final InMemoryAddressees addressees = new InMemoryAddressees()
            .leadContact("lead", "lead@org.example", "org")
            .leadContact("lead-2", "second@org.example", "org")
            .person("officer", "officer@council.example");
    private final MonitoringService service = new MonitoringService(store.everyScopeMonitoredWith(
            new MonitoringSettings(20, 40, 5, true, true,
                    List.of(new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD)))),
            addressees, clock);

    private final Actor manager = person("manager", Role.PROGRAMME_MANAGER, null);
    private final Actor finance = person("finance", Role.FINANCE_OFFICER, null);
    private final Actor secondFinance = person("finance-2", Role.FINANCE_OFFICER, null);
    private final Actor officer = person("officer", Role.OFFICER, null);
    private final Actor otherOfficer = person("officer-2", Role.OFFICER, null);
    private final Actor subGroup = person("sub-group", Role.SUB_GROUP, null);
    private final Actor auditor = person("officer", Role.AUDITOR, null);
    private final Actor lead = person("lead", Role.LEAD_CONTACT, "org");
    private final Actor secondLead = person("lead-2", Role.LEAD_CONTACT, "org");
    private final Actor strangerLead = person("lead-x", Role.LEAD_CONTACT, "elsewhere");

    private static Actor person(String id, Role role, String organisation) {
        return new Actor("sub-" + id, id + "@example", role == null ? Set.of() : Set.of(role), Optional.empty(),
                Optional.empty(), Set.of("round-1"), Optional.of(id), Optional.ofNullable(organisation));
    }

    private void on(String day) {
        clock.set(LocalDate.parse(day).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    private void enter() {
        on("2024-03-20");
        service.enter(manager, List.of(new Agreement("contract-a", Agreement.Source.CONTRACT, "round-1", "org",
                "officer", LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2024-04-01"), 250_000_00),
                        new Agreement.Instalment(2, LocalDate.parse("2024-07-01"), 250_000_00),
                        new Agreement.Instalment(3, LocalDate.parse("2024-10-01"), 250_000_00)),
                List.of(new Agreement.Milestone("contract-a/m1", LocalDate.parse("2024-06-28"), "Steering group",
                        Set.of(2))),
                List.of(new Agreement.Output("People", 100)))));
    }

    /** contract-b of {@code organisation}, in round-2, entered by a manager bound everywhere (who is returned). */
    private Actor enterContractBInRoundTwo(String organisation) {
        on("2024-03-20");
        Actor everywhere = Actor.system("manager-everywhere", Role.PROGRAMME_MANAGER);
        service.enter(everywhere, List.of(new Agreement("contract-b", Agreement.Source.CONTRACT, "round-2", organisation,
                "officer", LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2024-04-01"), 100_00)), List.of(), List.of())));
        return everywhere;
    }

    private void submitQ1() {
        on("2024-07-10");
        service.submit(lead, Q1, Map.of("People", 30L), "Sessions delivered.", "More sessions.");
    }

    @Test
    void enteringTheSameAgreementTwiceMakesItOnce() {
        enter();
        enter();
        assertThat(store.organisations()).containsExactly("org");
        assertThat(trail.page("round-1", Optional.empty(), 10).entries()).extracting(AuditEntry::action)
                .containsExactly("AGREEMENT_ENTERED");
    }

    @Test
    void aLeadContactSubmitsAndTheChangeIsInTheAuditTrailWithItsBeforeAndAfter() {
        enter();
        submitQ1();

        AuditEntry entry = trail.page("round-1", Optional.empty(), 1).entries().get(0);
        assertThat(entry.action()).isEqualTo("RETURN_SUBMITTED");
        assertThat(entry.actorEmail()).isEqualTo("lead@example");
        assertThat(entry.target()).isEqualTo("return " + Q1);
        assertThat(entry.before()).startsWith("OPEN");
        assertThat(entry.after()).startsWith("SUBMITTED").contains("1 version(s)");
    }

    @Test
    void nobodyReviewsTheirOwnSubmissionAndOnlyTheOfficerAManagerOrTheSubGroupReview() {
        enter();
        submitQ1();
        on("2024-07-11");

        assertForbidden(() -> service.accept(lead, Q1), Refusal.OWN_SUBMISSION);
        assertForbidden(() -> service.accept(secondLead, Q1), Refusal.NOT_ALLOWED);
        assertForbidden(() -> service.accept(otherOfficer, Q1), Refusal.NOT_ALLOWED);
        assertForbidden(() -> service.accept(auditor, Q1), Refusal.NOT_ALLOWED);
        assertThat(service.sendBack(subGroup, Q1, "Count each person once.").returnRecord(Q1)
                .stateOn(LocalDate.parse("2024-07-11"))).isEqualTo(ReturnState.RETURNED);
        on("2024-07-12");
        service.submit(secondLead, Q1, Map.of("People", 28L), "Counted once.", "More sessions.");
        assertThat(service.accept(officer, Q1).returnRecord(Q1).versions()).hasSize(2);
    }

    @Test
    void aRefusedActionChangesNothingAndWritesNoAuditEntry() {
        enter();
        submitQ1();
        int entries = trail.page("round-1", Optional.empty(), 100).entries().size();

        assertForbidden(() -> service.submit(strangerLead, Q1, Map.of(), "x", "y"), Refusal.NOT_LEAD_CONTACT);
        assertThatThrownBy(() -> service.submit(lead, Q1, Map.of("People", 31L), "again", "y"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.ALREADY_SUBMITTED));

        assertThat(trail.page("round-1", Optional.empty(), 100).entries()).hasSize(entries);
        assertThat(service.agreement(manager, "contract-a").returnRecord(Q1).versions()).hasSize(1);
    }

    @Test
    void someoneNotBoundWhereTheAgreementWasMadeIsRefused() {
        enter();
        Actor elsewhere = new Actor("sub-m2", "m2@example", Set.of(Role.PROGRAMME_MANAGER), Optional.empty(),
                Optional.empty(), Set.of("round-2"));
        on("2024-07-10");
        assertThatThrownBy(() -> service.skip(elsewhere, Q1, "No activity.")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.agreement(elsewhere, "contract-a")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aProposerOfTheSameRoundNeverSeesAnotherOrganisationsAgreementAndAnAuditorReadsOnly() {
        enter();
        on("2024-07-10");
        assertThatThrownBy(() -> service.agreement(person("proposer", Role.PROPOSER, "rival"), "contract-a"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(service.agreement(auditor, "contract-a").id()).isEqualTo("contract-a");
        assertForbidden(() -> service.skip(auditor, Q1, "No activity."), Refusal.NOT_ALLOWED);
    }

    @Test
    void aVariedDueDateKeepsTheOriginalInTheRecordAndTheTrail() {
        enter();
        on("2024-07-20");
        var varied = service.varyReturn(officer, Q1, LocalDate.parse("2024-08-09"), "Sick leave.");

        assertThat(varied.returnRecord(Q1).plan().originalDue()).isEqualTo(LocalDate.parse("2024-07-26"));
        assertThat(varied.returnRecord(Q1).due()).isEqualTo(LocalDate.parse("2024-08-09"));
        assertThat(trail.page("round-1", Optional.empty(), 1).entries().get(0).after())
                .contains("due 2024-08-09 (originally 2024-07-26)");
    }

    @Test
    void theDailyRunSendsEachReminderOnceAndCatchesUpAMissedDay() {
        enter();
        on("2024-07-29"); // the run of Friday 26 July, the due date, did not happen
        List<LedgerEntry> first = service.runReminders();
        List<LedgerEntry> again = service.runReminders();

        assertThat(first).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(LedgerEntry.Outcome.SENT);
            assertThat(entry.caughtUp()).isTrue();
            assertThat(entry.recipients()).containsExactly("lead@org.example", "second@org.example");
        });
        assertThat(again).isEmpty();
        assertThat(store.outbox()).hasSize(1);
    }

    @Test
    void aReminderOfAReturnAlreadySubmittedIsSuppressedAndABouncedAddressIsLeftOut() {
        enter();
        submitQ1();
        addressees.bounce("second@org.example");
        on("2024-07-26");
        assertThat(service.runReminders()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).contains(LedgerEntry.Suppression.SUBMITTED));
        on("2024-10-28");
        assertThat(service.runReminders()).singleElement()
                .satisfies(entry -> assertThat(entry.recipients()).containsExactly("lead@org.example"));
    }

    @Test
    void aHeldInstalmentIsPaidByTheFirstRunAfterItsWorkIsDone() {
        enter();
        on("2024-04-02");
        assertThat(service.runPayments(finance).paid()).hasSize(1);
        on("2024-07-01");
        PaymentRun july = service.runPayments(finance);
        assertThat(july.held()).singleElement().satisfies(hold -> {
            assertThat(hold.reasons()).containsExactly(HoldReason.MILESTONE_MISSED);
            assertThat(hold.blocking()).containsExactly("contract-a/m1");
        });

        on("2024-07-03");
        service.achieve(officer, "contract-a/m1", "Minutes of the first meeting.");
        on("2024-07-04");
        assertThat(service.runPayments(finance).paid()).extracting(p -> p.instalment().number()).containsExactly(2);
    }

    @Test
    void anOverrideIsAskedForByOnePersonAndApprovedByAnother() {
        secondInstalmentHeldByTheRunOfItsDay();

        on("2024-07-02");
        service.askForOverride(finance, "contract-a", 2, "Steering group met; minutes to follow.");
        assertForbidden(() -> service.approveOverride(finance, "contract-a", 2), Refusal.APPROVED_BY_REQUESTER);
        assertForbidden(() -> service.approveOverride(officer, "contract-a", 2), Refusal.APPROVER_NOT_ALLOWED);
        service.approveOverride(secondFinance, "contract-a", 2);

        on("2024-07-03");
        assertThat(service.runPayments(finance).paid()).singleElement()
                .satisfies(payment -> assertThat(payment.overridden()).isTrue());
    }

    /** The agreement entered, its first instalment paid on its day, the second held on its own (no return yet). */
    private void secondInstalmentHeldByTheRunOfItsDay() {
        enter();
        on("2024-04-02");
        service.runPayments(finance);
        on("2024-07-01");
        service.runPayments(finance);
    }

    /** M14: a document's override approved by who asked for it is refused whole, leaving no request waiting. */
    @Test
    void anOverrideWhoseApprovalWouldBeRefusedIsCheckedBeforeAnythingIsAskedFor() {
        secondInstalmentHeldByTheRunOfItsDay();
        on("2024-07-02");
        long versionBefore = store.agreement("contract-a").orElseThrow().version();

        assertForbidden(() -> service.checkOverride(finance, finance, "contract-a", 2, "Minutes to follow."),
                Refusal.APPROVED_BY_REQUESTER);
        assertForbidden(() -> service.checkOverride(finance, officer, "contract-a", 2, "Minutes to follow."),
                Refusal.APPROVER_NOT_ALLOWED);
        service.checkOverride(finance, secondFinance, "contract-a", 2, "Minutes to follow.");

        assertThat(store.agreement("contract-a").orElseThrow().version()).as("a check writes nothing")
                .isEqualTo(versionBefore);
        assertThat(store.agreement("contract-a").orElseThrow().instalment(2).overrideRequest()).isEmpty();
    }

    @Test
    void onlyFinanceOrAManagerMakesAPaymentRunAndOnlyAManagerTerminates() {
        enter();
        on("2024-07-02");
        assertThatThrownBy(() -> service.runPayments(lead)).isInstanceOf(ForbiddenException.class);
        assertForbidden(() -> service.terminate(finance, "contract-a", "Merged."), Refusal.NOT_ALLOWED);
        service.terminate(manager, "contract-a", "Merged.");
        assertThatThrownBy(() -> service.hold(finance, "contract-a", 3, "Bank query."))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TERMINATED));
    }

    @Test
    void aLeadContactSeesTheirOwnOrganisationsAgreementsOnly() {
        enter();
        assertThat(service.agreementsOf(lead)).extracting(a -> a.id()).containsExactly("contract-a");
        assertThat(service.agreementsOf(strangerLead)).isEmpty();
        assertThatThrownBy(() -> service.agreement(strangerLead, "contract-a")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theDailyRunLooksUpAnOrganisationsAddressesOnceAndAfreshTheNextRun() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        grants.core.monitoring.Addressees counted = new grants.core.monitoring.Addressees() {
            @Override
            public List<String> leadContacts(String organisation) {
                lookups.incrementAndGet();
                return addressees.leadContacts(organisation);
            }

            @Override
            public List<String> person(String personId) {
                return addressees.person(personId);
            }
        };
        MonitoringService counting = new MonitoringService(store, counted, clock, 4);
        on("2024-03-20");
        counting.enter(manager, List.of(contract("contract-a"), contract("contract-b"), contract("contract-c")));
        LocalDate firstDue = store.unhandledRemindersDueBy(LocalDate.MAX).get(0).plannedOn();

        on(firstDue.toString());
        assertThat(counting.runReminders()).hasSize(3).allSatisfy(entry -> assertThat(entry.recipients())
                .containsExactly("lead@org.example", "second@org.example"));
        assertThat(lookups).as("three reminders to one organisation, its addresses read once").hasValue(1);

        LocalDate secondDue = store.unhandledRemindersDueBy(LocalDate.MAX).get(0).plannedOn();
        on(secondDue.toString());
        assertThat(counting.runReminders()).hasSize(3);
        assertThat(lookups).as("read again by the next run, so a bounce since counts").hasValue(2);
    }

    private static Agreement contract(String id) {
        return new Agreement(id, Agreement.Source.CONTRACT, "round-1", "org", "officer", LocalDate.parse("2024-04-01"),
                LocalDate.parse("2025-03-31"), List.of(new Agreement.Instalment(1, LocalDate.parse("2024-04-01"), 100_00)),
                List.of(), List.of(new Agreement.Output("People", 100)));
    }

    @Test
    void aPaymentRunPaysOnlyWhereItsMakerIsBoundButHoldsForALateReturnAnywhereInTheOrganisation() {
        enter();
        enterContractBInRoundTwo("org");
        on("2024-04-02");
        service.runPayments(finance);

        on("2024-08-15"); // contract-b's Q1 return was due on 26 July and is not in
        service.achieve(officer, "contract-a/m1", "Minutes.");
        PaymentRun run = service.runPayments(finance);

        assertThat(run.agreements()).extracting(a -> a.id()).containsExactly("contract-a");
        assertThat(run.held()).singleElement().satisfies(hold -> {
            assertThat(hold.reasons()).contains(HoldReason.OTHER_AGREEMENT);
            assertThat(hold.blocking()).contains("contract-b/2024-25 Q1");
        });
        assertThat(store.agreement("contract-b").orElseThrow().instalment(1).paidOn()).isEmpty();
    }

    @Test
    void aDaysRunsAreReadBackByFinanceAndManagersEachSeeingTheAgreementsTheyWorkOn() {
        enter();
        Actor everywhere = enterContractBInRoundTwo("org-b");
        on("2024-04-02");
        service.runPayments(everywhere);

        KeptPaymentRun seenEverywhere = service.paymentRunsOn(everywhere, LocalDate.parse("2024-04-02")).get(0);
        KeptPaymentRun seenInRoundOne = service.paymentRunsOn(finance, LocalDate.parse("2024-04-02")).get(0);

        assertThat(seenEverywhere.paid()).extracting(p -> p.payment().agreementId()).containsExactly("contract-a",
                "contract-b");
        assertThat(seenInRoundOne.paid()).extracting(p -> p.payment().agreementId()).containsExactly("contract-a");
        assertThat(seenInRoundOne.begun().by()).isEqualTo(everywhere.name());
        assertThat(seenInRoundOne.complete()).isTrue();
        assertThat(service.paymentRunsOn(finance, LocalDate.parse("2024-04-03"))).isEmpty();
        assertThatThrownBy(() -> service.paymentRunsOn(officer, LocalDate.parse("2024-04-02")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.paymentRunsOn(lead, LocalDate.parse("2024-04-02")))
                .isInstanceOf(ForbiddenException.class);
    }

    /**
     * Ten organisations, each with two agreements: the first's second instalment waits on a milestone
     * (achieved in every other organisation), the second's is held by finance in every third.
     */
    private void seedOrganisations(InMemoryMonitoringStore into, MonitoringService seeding) {
        on("2024-03-20");
        for (int i = 9; i >= 0; i--) {
            String organisation = "org-" + i;
            for (String which : List.of("a", "b")) {
                String id = organisation + "-" + which;
                seeding.enter(manager, List.of(new Agreement(id, Agreement.Source.CONTRACT, "round-1", organisation,
                        "officer", LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"),
                        List.of(new Agreement.Instalment(1, LocalDate.parse("2024-04-01"), (i + 1) * 100_00L),
                                new Agreement.Instalment(2, LocalDate.parse("2024-07-01"), (i + 1) * 1_000_00L + 1),
                                new Agreement.Instalment(3, LocalDate.parse("2025-01-06"), 10_00)),
                        which.equals("a") ? List.of(new Agreement.Milestone(id + "/m1", LocalDate.parse("2024-06-28"),
                                "Steering group", Set.of(2))) : List.of(),
                        List.of(new Agreement.Output("People", 100)))));
            }
        }
        on("2024-06-20");
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) {
                seeding.achieve(officer, "org-" + i + "-a/m1", "Minutes.");
            }
            if (i % 3 == 0) {
                seeding.hold(finance, "org-" + i + "-b", 2, "Bank details being checked.");
            }
        }
        assertThat(into.organisations()).hasSize(10);
    }

    @Test
    void aPaymentRunOverOrganisationsSideBySideGivesWhatOneAfterAnotherGives() {
        InMemoryMonitoringStore sequentialStore = new InMemoryMonitoringStore(List.of(LocalDate.parse("2024-05-06")),
                new InMemoryAuditTrail());
        InMemoryMonitoringStore sideBySideStore = new InMemoryMonitoringStore(List.of(LocalDate.parse("2024-05-06")),
                new InMemoryAuditTrail());
        MonitoringService oneAfterAnother = new MonitoringService(sequentialStore, addressees, clock, 1);
        MonitoringService sideBySide = new MonitoringService(sideBySideStore, addressees, clock, 8);
        seedOrganisations(sequentialStore, oneAfterAnother);
        seedOrganisations(sideBySideStore, sideBySide);

        on("2024-07-01");
        PaymentRun expected = oneAfterAnother.runPayments(finance);
        PaymentRun run = sideBySide.runPayments(finance);

        assertThat(expected.paid()).hasSize(20 + 5 + 6); // every first instalment, and eleven second ones
        assertThat(expected.held()).hasSize(9);
        assertThat(run.paid()).isEqualTo(expected.paid());
        assertThat(run.held()).isEqualTo(expected.held());
        assertThat(run.agreements()).isEqualTo(expected.agreements());
        KeptPaymentRun keptExpected = oneAfterAnother.paymentRunsOn(finance, LocalDate.parse("2024-07-01")).get(0);
        KeptPaymentRun kept = sideBySide.paymentRunsOn(finance, LocalDate.parse("2024-07-01")).get(0);
        assertThat(kept.made()).isPresent().isEqualTo(keptExpected.made());
        assertThat(kept.paid()).containsExactlyElementsOf(keptExpected.paid());
        assertThat(kept.held()).containsExactlyElementsOf(keptExpected.held());
        assertThat(sideBySideStore.agreement("org-7-b").orElseThrow())
                .isEqualTo(sequentialStore.agreement("org-7-b").orElseThrow());
    }

    @Test
    void aPaymentRunWhoseWriteFailsForOneOrganisationFailsAndKeepsNoHeader() {
        MonitoringStore failing = (MonitoringStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MonitoringStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replacePaying") && Arrays.stream(args)
                            .anyMatch(arg -> arg instanceof MonitoredAgreement next
                                    && next.agreement().organisation().equals("org-4"))) {
                        throw new IllegalStateException("the table refused org-4's write");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
        MonitoringService sideBySide = new MonitoringService(failing, addressees, clock, 8);
        seedOrganisations(store, sideBySide);

        on("2024-07-01");
        assertThatThrownBy(() -> sideBySide.runPayments(finance)).hasMessageContaining("org-4");

        KeptPaymentRun kept = sideBySide.paymentRunsOn(finance, LocalDate.parse("2024-07-01")).get(0);
        assertThat(kept.complete()).as("no header: the run reads as stopped part way").isFalse();
        assertThat(kept.made()).isEmpty();
        assertThat(kept.paid()).extracting(p -> p.payment().agreementId()).doesNotContain("org-4-a", "org-4-b");
        assertThat(store.agreement("org-4-a").orElseThrow().instalment(1).paidOn()).isEmpty();
    }

    private static void assertForbidden(Runnable action, Refusal refusal) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ForbiddenActionException.class,
                forbidden -> assertThat(forbidden.refusal()).isEqualTo(refusal));
    }
}
