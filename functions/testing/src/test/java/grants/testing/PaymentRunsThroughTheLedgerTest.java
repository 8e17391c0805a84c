package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Contract;
import grants.core.commitments.CommitmentIntake;
import grants.core.commitments.PaymentIntake;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerService;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.rounds.ContractAcceptances;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance's payment runs pay through the ledger: Coventry's round lived through its use cases, its
 * contracts committed year by year, Pathways' contract accepted and paid by a payment run, and each paid
 * line handed to the ledger's intake as the table's stream would hand it (twice): each instalment is a
 * {@code PAID} entry against its contract's commitment for the year it fell due in, once.
 */
class PaymentRunsThroughTheLedgerTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String PATHWAYS = Contract.idFor("unemployment-pathways");

    private final LivedRound round = new LivedRound();
    private final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore(round.store.trail());
    private final LedgerService ledger = new LedgerService(ledgerStore, round.clock);
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final CommitmentIntake commitments = new CommitmentIntake(ledger, new InMemoryProgrammeStore(), runs,
            round.store, round.clock);
    private final PaymentIntake payments = new PaymentIntake(ledger, runs);
    private final InMemoryMonitoringStore monitoring = new InMemoryMonitoringStore(List.of(), round.store.trail())
            .everyScopeMonitoredWith(new MonitoringSettings(20, 40, 5, false, false,
                    List.of(new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD))));
    private final AgreementIntake agreements = new AgreementIntake(monitoring, round.store, new InMemoryProgrammeStore(),
            runs, GrantTerms::defaultsFor, round.clock);
    private final MonitoringService service = new MonitoringService(monitoring, new InMemoryAddressees(), round.clock);
    private final Actor finance = new Actor("sub-finance", "finance@coventry.example", Set.of(Role.FINANCE_OFFICER),
            Optional.empty(), Optional.empty(), Set.of(ROUND), Optional.of("finance"), Optional.empty());

    @Test
    void eachInstalmentAPaymentRunPaysIsPaidAgainstItsContractsCommitmentOnce() {
        publishedAndPathwaysAccepted(true);
        round.clock.set(Instant.parse("2002-08-01T09:00:00Z"));

        service.runPayments(finance);
        List<KeptPaymentRun> kept = monitoring.paymentRuns(LocalDate.parse("2002-08-01"));
        deliverTwice(kept);

        String commitment = CommitmentIntake.contractCommitment(ROUND, PATHWAYS, FinancialYear.parse("2002-03").orElseThrow());
        long paidByTheRun = kept.stream().flatMap(run -> run.paid().stream())
                .mapToLong(line -> line.payment().instalment().pence()).sum();
        assertThat(paidByTheRun).as("Pathways' first two instalments").isPositive();
        assertThat(ledgerStore.entries(ROUND)).filteredOn(entry -> entry.kind() == EntryKind.PAID)
                .extracting(Entry::id, Entry::commitment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paid:" + PATHWAYS + "/1", Optional.of(commitment)),
                        org.assertj.core.groups.Tuple.tuple("paid:" + PATHWAYS + "/2", Optional.of(commitment)));
        BudgetStatement.Row year = ledger.statement(finance, ROUND).rows().get(0);
        assertThat(year.paidPence()).isEqualTo(paidByTheRun);
        assertThat(year.committedPence()).as("paying spends committed money: nothing more is committed")
                .isEqualTo(385_000_000L);
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 1_000).entries())
                .as("the intake writes no audit entry of its own: each payment is an entry naming its run")
                .noneMatch(entry -> entry.action().startsWith("LEDGER"));
    }

    @Test
    void aSecondRunPaysNothingAgainAndItsLinesIfAnyArePaidOnce() {
        publishedAndPathwaysAccepted(true);
        round.clock.set(Instant.parse("2002-08-01T09:00:00Z"));
        service.runPayments(finance);
        service.runPayments(finance);

        deliverTwice(monitoring.paymentRuns(LocalDate.parse("2002-08-01")));

        assertThat(ledgerStore.entries(ROUND)).filteredOn(entry -> entry.kind() == EntryKind.PAID).hasSize(2);
    }

    @Test
    void aRoundThatKeepsNoLedgerIsPaidAsBeforeWithNothingInTheLedger() {
        publishedAndPathwaysAccepted(false);
        round.clock.set(Instant.parse("2002-08-01T09:00:00Z"));
        service.runPayments(finance);

        deliverTwice(monitoring.paymentRuns(LocalDate.parse("2002-08-01")));

        assertThat(ledgerStore.entries(ROUND)).isEmpty();
    }

    /** Coventry published (its contracts committed in the ledger, or not) and Pathways' contract accepted. */
    private void publishedAndPathwaysAccepted(boolean committedInTheLedger) {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        round.awards.publish(manager(), ROUND);
        if (committedInTheLedger) {
            commitments.fromRound(ROUND);
        }
        agreements.fromRound(ROUND);
        new ContractAcceptances(round.store, round.rounds, round.clock).accept(proposerFor("pathways"), ROUND, PATHWAYS);
        agreements.fromRound(ROUND);
    }

    /** Each paid line, as the table's stream hands it over: at least once. */
    private void deliverTwice(List<KeptPaymentRun> kept) {
        for (int time = 0; time < 2; time++) {
            kept.forEach(run -> run.paid().forEach(line -> payments.fromPaidLine(run.begun(), line)));
        }
    }
}
