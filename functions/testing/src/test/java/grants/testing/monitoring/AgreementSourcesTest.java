package grants.testing.monitoring;

import grants.documents.monitoring.MonitoringBook;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementSources;
import grants.core.monitoring.GrantTerms;
import grants.core.run.AllocationRun;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreements appear by themselves: from a round's published contracts and from a committed run. */
class AgreementSourcesTest {

    @Test
    void theCoventryRoundsSevenContractsAreTheMonitoringExamplesSevenAgreements() {
        Round coventry = TestRounds.coventry();
        MonitoringBook book = Books.read(Books.COVENTRY);
        Map<String, Agreement> expected = book.agreements().stream()
                .collect(Collectors.toMap(Agreement::id, Function.identity()));

        // Named as the intake names them, by the round's organisations.
        Map<String, String> names = coventry.setup().organisations().stream()
                .collect(Collectors.toMap(RoundSetup.Organisation::id, RoundSetup.Organisation::name));
        List<Agreement> made = Decisions.decide(coventry).contracts().stream()
                .map(contract -> AgreementSources.fromContract(book.bookId(), coventry.setup().fund(), contract,
                        expected.get(contract.id()).officer()).withOrganisationNamed(names.get(contract.leadOrganisation())))
                .toList();

        assertThat(made).extracting(Agreement::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(made).allSatisfy(agreement -> assertThat(agreement).isEqualTo(expected.get(agreement.id())));
    }

    @Test
    void aCommittedRunMakesOneOneInstalmentAgreementPerFundedPartnership() {
        InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        String runId = grants.testing.CommittedExample.warwickshire(programmes, runs);
        AllocationRun run = new AllocationRun(runs.header("wm", runId).orElseThrow(), runs.rows("wm", runId));
        GrantTerms terms = new GrantTerms(LocalDate.parse("2007-04-01"), LocalDate.parse("2008-03-31"),
                LocalDate.parse("2007-05-01"), "officer-1");

        List<Agreement> grants = AgreementSources.fromRun(run, terms);

        List<AllocationRow> funded = run.rows().stream().filter(r -> r.status() == Status.FUNDED).toList();
        assertThat(run.rows()).as("the example withdraws a locality").hasSizeGreaterThan(funded.size());
        assertThat(grants).hasSize(funded.size());
        AllocationRow first = funded.get(0);
        Agreement grant = grants.stream().filter(a -> a.organisation().equals(first.partnershipId())).findFirst()
                .orElseThrow();
        assertThat(grant.source()).isEqualTo(Agreement.Source.GRANT);
        assertThat(grant.trail()).isEqualTo("wm");
        assertThat(grant.instalments()).containsExactly(new Agreement.Instalment(1, LocalDate.parse("2007-05-01"),
                first.finalGrantPence()));
    }
}
