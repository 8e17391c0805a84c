package grants.testing;

import grants.core.commissioning.Decisions;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundCsv;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.Status;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An override's reasons are true: who was displaced and why, a decline as such, and agreement as agreement. */
class OverrideReasonsTest {

    private final Round coventry = TestRounds.coventry();

    @Test
    void theRulesAloneAwardPathwaysAndNorthsideAndNotEmployers() {
        RoundOutcome outcome = Decisions.decide(coventry);
        assertThat(of(outcome, "unemployment-pathways").status()).isEqualTo(Status.AWARDED);
        assertThat(of(outcome, "unemployment-northside").status()).isEqualTo(Status.AWARDED);
        assertThat(of(outcome, "unemployment-employers").status()).isEqualTo(Status.NOT_FUNDED_NO_BUDGET);
    }

    @Test
    void aProposalDisplacedByAnAwardIsToldWhoWasFundedInsteadAndTheManagersReason() {
        RoundOutcome outcome = Decisions.decide(coventry, Map.of("unemployment-employers", new ManagerDecision(
                "unemployment-employers", ManagerDecision.Decision.AWARD, "Employers pledged matched places.", "manager")));
        ProposalOutcome pathways = of(outcome, "unemployment-pathways");
        assertThat(pathways.status()).isEqualTo(Status.NOT_FUNDED_NO_BUDGET);
        assertThat(pathways.reason()).startsWith("Not funded: the panel's decision to fund unemployment-employers")
                .contains("instead, for this reason: Employers pledged matched places.")
                .doesNotContain("higher-scoring");
        assertThat(of(outcome, "unemployment-employers").reason()).contains("against the rules' recommendation");
        assertThat(RoundCsv.proposals(outcome)).contains("the panel's decision to fund unemployment-employers");
    }

    @Test
    void aDeclineHasAStatusOfItsOwnWithTheManagersReason() {
        RoundOutcome outcome = Decisions.decide(coventry, Map.of("unemployment-pathways", new ManagerDecision(
                "unemployment-pathways", ManagerDecision.Decision.DECLINE, "Its partners now deliver the same service.",
                "manager")));
        ProposalOutcome pathways = of(outcome, "unemployment-pathways");
        assertThat(pathways.status()).isEqualTo(Status.DECLINED);
        assertThat(pathways.reason()).contains("Its partners now deliver the same service.")
                .doesNotContain("did not fit");
        assertThat(RoundCsv.proposals(outcome)).contains(",DECLINED,");
    }

    @Test
    void anOverrideThatAgreesWithTheRulesSaysSo() {
        RoundOutcome outcome = Decisions.decide(coventry, Map.of("unemployment-pathways", new ManagerDecision(
                "unemployment-pathways", ManagerDecision.Decision.AWARD, "The panel asked for it to be confirmed.",
                "manager")));
        ProposalOutcome pathways = of(outcome, "unemployment-pathways");
        assertThat(pathways.status()).isEqualTo(Status.AWARDED);
        assertThat(pathways.reason()).doesNotContain("against").contains("as the rules recommend")
                .contains("The panel asked for it to be confirmed.");
    }

    private static ProposalOutcome of(RoundOutcome outcome, String proposal) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(proposal)).findFirst().orElseThrow();
    }
}
