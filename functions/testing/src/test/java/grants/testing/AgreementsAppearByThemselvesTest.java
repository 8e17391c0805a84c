package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Proposal;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.Hold;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Payment;
import grants.core.monitoring.PaymentRun;
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
 * Agreements appear by themselves: the Coventry round lived through its use cases, then monitoring
 * told (as the table's stream tells it) that the round's head changed or a contract was accepted.
 * Nothing is paid under a contract before its lead organisation has accepted it (M9).
 */
class AgreementsAppearByThemselvesTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String PATHWAYS = Contract.idFor("unemployment-pathways");

    private final LivedRound round = new LivedRound();
    private final InMemoryMonitoringStore monitoring = new InMemoryMonitoringStore(List.of(), round.store.trail())
            .everyScopeMonitoredWith(new MonitoringSettings(20, 40, 5, false, false,
                    List.of(new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD))));
    private final AgreementIntake intake = new AgreementIntake(monitoring, round.store, new InMemoryProgrammeStore(),
            new InMemoryRunStore(), GrantTerms::defaultsFor, round.clock);
    private final MonitoringService service = new MonitoringService(monitoring, new InMemoryAddressees(), round.clock);
    private final ContractAcceptances acceptances = new ContractAcceptances(round.store, round.rounds, round.clock);
    private final Actor finance = new Actor("sub-finance", "finance@coventry.example", Set.of(Role.FINANCE_OFFICER),
            Optional.empty(), Optional.empty(), Set.of(ROUND), Optional.of("finance"), Optional.empty());

    private void decided() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
    }

    @Test
    void publishingTheDecisionsMakesOneAgreementPerContractWithItsInstalmentsMilestonesAndOutputsOnce() {
        decided();
        assertThat(intake.fromRound(ROUND)).as("decided is not published").isEmpty();
        round.awards.publish(manager(), ROUND);

        List<Contract> contracts = round.awards.contracts(ROUND);
        assertThat(intake.fromRound(ROUND)).containsExactlyInAnyOrderElementsOf(
                contracts.stream().map(Contract::id).toList());
        assertThat(intake.fromRound(ROUND)).as("told again").isEmpty();

        Contract pathways = contracts.stream().filter(c -> c.id().equals(PATHWAYS)).findFirst().orElseThrow();
        Agreement agreement = monitoring.agreement(PATHWAYS).orElseThrow().agreement();
        assertThat(agreement.title()).isEqualTo(round.coventry.proposals().stream()
                .filter(p -> p.id().equals(pathways.proposalId())).findFirst().map(Proposal::title).orElseThrow());
        assertThat(agreement.organisation()).isEqualTo("pathways");
        assertThat(agreement.instalments()).extracting(Agreement.Instalment::due, Agreement.Instalment::pence)
                .containsExactlyElementsOf(pathways.instalments().stream()
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.due(), i.pence())).toList());
        assertThat(agreement.milestones()).extracting(Agreement.Milestone::description)
                .containsExactlyElementsOf(pathways.milestones().stream().map(Proposal.Milestone::description).toList());
        assertThat(agreement.outputs()).containsExactly(new Agreement.Output("Residents taking part", 200));
        assertThat(monitoring.agreement(PATHWAYS).orElseThrow().isAccepted()).isFalse();
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 500).entries())
                .filteredOn(entry -> entry.action().equals("AGREEMENT_ENTERED"))
                .hasSize(contracts.size())
                .allSatisfy(entry -> assertThat(entry.actorEmail()).isEqualTo("monitor-agreements"))
                .anySatisfy(entry -> assertThat(entry.after()).startsWith("CONTRACT with pathways from 2002-04-01")
                        .endsWith("officer not named yet; awaiting acceptance by pathways"));
    }

    @Test
    void aContractsInstalmentsAreHeldUntilItsLeadOrganisationAcceptsItAndPaidOnceItHas() {
        decided();
        round.awards.publish(manager(), ROUND);
        intake.fromRound(ROUND);
        round.clock.set(Instant.parse("2002-08-01T09:00:00Z"));

        PaymentRun before = service.runPayments(finance);

        assertThat(before.paid()).isEmpty();
        Hold held = before.held().stream().filter(h -> h.agreementId().equals(PATHWAYS)).findFirst().orElseThrow();
        assertThat(held.reasons()).containsExactly(HoldReason.NOT_ACCEPTED);
        assertThat("Held: " + held.reasons().first().words(Agreement.Source.CONTRACT))
                .isEqualTo("Held: the contract has not been accepted by its lead organisation");

        acceptances.accept(proposerFor("pathways"), ROUND, PATHWAYS);
        assertThat(intake.fromRound(ROUND)).as("the acceptance's stream record").containsExactly(PATHWAYS);
        assertThat(intake.fromRound(ROUND)).as("delivered again").isEmpty();
        MonitoredAgreement accepted = monitoring.agreement(PATHWAYS).orElseThrow();
        assertThat(accepted.acceptance()).hasValueSatisfying(act -> {
            assertThat(act.by()).isEqualTo("bids@pathways.example");
            assertThat(act.on()).isEqualTo(LocalDate.parse("2002-08-01"));
        });
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 1).entries()).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("AGREEMENT_ACCEPTED");
                    assertThat(entry.after()).isEqualTo("accepted by bids@pathways.example on 1 August 2002");
                });

        PaymentRun after = service.runPayments(finance);
        assertThat(after.paid()).extracting(Payment::agreementId, p -> p.instalment().number())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PATHWAYS, 1),
                        org.assertj.core.groups.Tuple.tuple(PATHWAYS, 2));
        assertThat(after.held()).extracting(Hold::agreementId).doesNotContain(PATHWAYS);
    }

    @Test
    void anAcceptanceSeenBeforeThePublicationsRecordStillReachesItsAgreement() {
        decided();
        round.awards.publish(manager(), ROUND);
        acceptances.accept(proposerFor("pathways"), ROUND, PATHWAYS);

        assertThat(intake.fromRound(ROUND)).contains(PATHWAYS);

        assertThat(monitoring.agreement(PATHWAYS).orElseThrow().isAccepted()).isTrue();
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 500).entries()).extracting(AuditEntry::action)
                .contains("AGREEMENT_ENTERED", "AGREEMENT_ACCEPTED");
    }
}
