package grants.testing.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.errors.ConflictException;
import grants.core.monitoring.Acceptances;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.AgreementSources;
import grants.core.monitoring.ForbiddenActionException;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.PaymentRun;
import grants.core.programme.Partnership;
import grants.testing.CommittedExample;
import grants.testing.InMemoryAddressees;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRoundStore;
import grants.testing.InMemoryRunStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A committed run's grants enter monitoring by themselves, one per funded partnership, on the
 * programme's terms; a lead contact of the partnership accepts its grant before it is paid.
 */
class GrantAgreementsTest {

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final String runId = CommittedExample.warwickshire(programmes, runs);
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final MonitoringSettings settings = new MonitoringSettings(20, 40, 5, false, false, List.of());
    private final InMemoryMonitoringStore monitoring = new InMemoryMonitoringStore(List.of(), trail)
            .everyScopeMonitoredWith(settings);
    private final LocalDate committedOn = LocalDate.ofInstant(runs.header("wm", runId).orElseThrow().committedAt(),
            ZoneId.of("Europe/London"));
    private final SettableClock clock = new SettableClock(committedOn.atTime(12, 0).atZone(ZoneId.of("Europe/London"))
            .toInstant());
    private final AgreementIntake intake = new AgreementIntake(monitoring, new InMemoryRoundStore(), programmes, runs,
            GrantTerms::defaultsFor, clock);
    private final Acceptances acceptances = new Acceptances(monitoring, clock);
    private final MonitoringService service = new MonitoringService(monitoring, new InMemoryAddressees(), clock);

    private final AllocationRow first = runs.rows("wm", runId).stream().filter(r -> r.status() == Status.FUNDED)
            .findFirst().orElseThrow();
    private final String grantId = AgreementSources.grantId("wm", first.partnershipId());

    private static Actor leadContactOf(String organisation) {
        return new Actor("sub-" + organisation, "champion@" + organisation + ".example", Set.of(Role.LEAD_CONTACT),
                Optional.empty(), Optional.empty(), Set.of(), Optional.of("champion"), Optional.of(organisation));
    }

    @Test
    void aCommittedRunMakesOneAgreementPerFundedPartnershipOnceUnderItsName() {
        List<String> entered = intake.fromRun("wm", runId);

        assertThat(entered).hasSize((int) runs.rows("wm", runId).stream()
                .filter(r -> r.status() == Status.FUNDED && r.finalGrantPence() > 0).count());
        assertThat(intake.fromRun("wm", runId)).as("the stream delivers it again").isEmpty();
        Agreement grant = monitoring.agreement(grantId).orElseThrow().agreement();
        assertThat(grant.title()).isEqualTo(programmes.load("wm").orElseThrow().programme()
                .partnership(first.partnershipId()).map(Partnership::name).orElseThrow());
        assertThat(grant.instalments()).containsExactly(new Agreement.Instalment(1, committedOn,
                first.finalGrantPence()));
        assertThat(grant.end()).isEqualTo(committedOn.plusYears(1).minusDays(1));
        assertThat(trail.page("wm", Optional.empty(), 500).entries()).hasSize(entered.size());
    }

    @Test
    void aGrantIsHeldUntilALeadContactOfItsPartnershipAcceptsItOnce() {
        intake.fromRun("wm", runId);
        Actor finance = new Actor("sub-finance", "finance@wm.example", Set.of(Role.FINANCE_OFFICER), Optional.empty(),
                Optional.empty(), Set.of("wm"), Optional.of("finance"), Optional.empty());

        PaymentRun before = service.runPayments(finance);
        assertThat(before.held()).filteredOn(h -> h.agreementId().equals(grantId)).singleElement()
                .satisfies(hold -> assertThat(hold.reasons()).containsExactly(HoldReason.NOT_ACCEPTED));
        assertThat(HoldReason.NOT_ACCEPTED.words(Agreement.Source.GRANT))
                .isEqualTo("the grant has not been accepted by its lead organisation");

        assertThatThrownBy(() -> acceptances.accept(leadContactOf("somewhere-else"), grantId))
                .isInstanceOf(ForbiddenActionException.class);
        acceptances.accept(leadContactOf(first.partnershipId()), grantId);
        assertThatThrownBy(() -> acceptances.accept(leadContactOf(first.partnershipId()), grantId))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("accepted by champion@" + first.partnershipId() + ".example on ");
        assertThat(trail.page("wm", Optional.empty(), 1).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("AGREEMENT_ACCEPTED");
            assertThat(entry.actorEmail()).isEqualTo("champion@" + first.partnershipId() + ".example");
        });

        PaymentRun after = service.runPayments(finance);
        assertThat(after.paid()).filteredOn(p -> p.agreementId().equals(grantId)).singleElement()
                .satisfies(p -> assertThat(p.instalment().pence()).isEqualTo(first.finalGrantPence()));
    }

    @Test
    void aContractIsAcceptedOnItsRoundNotHere() {
        monitoring.create(grants.core.monitoring.MonitoredAgreement.awaitingAcceptance(new Agreement("contract-x",
                Agreement.Source.CONTRACT, "round-1", "org", GrantTerms.NO_OFFICER, committedOn,
                committedOn.plusYears(1), List.of(new Agreement.Instalment(1, committedOn, 100)), List.of(), List.of()),
                settings, new grants.core.calendar.WorkingDays(List.of())), List.of(),
                grants.core.audit.AuditEntry.by(MonitoringService.DAILY_RUN, clock.instant(), "round-1",
                        "AGREEMENT_ENTERED", "agreement contract-x", null, "entered"));

        assertThatThrownBy(() -> acceptances.accept(leadContactOf("org"), "contract-x"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("accepted on its round");
        assertThat(monitoring.agreement("contract-x").orElseThrow().isAccepted()).isFalse();
    }
}
