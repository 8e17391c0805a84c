package grants.documents.commissioning;

import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundCsv;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.Status;
import grants.core.money.Money;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of commissioning-rules.md, fact by fact as the rules page states it. */
class CoventryRoundTest {

    static final String COVENTRY = "coventry-commissioning-round.json";

    private final Round round = RoundJson.read(Fixtures.document(COVENTRY));
    private final RoundOutcome outcome = Decisions.decide(round);

    @Test
    void twentyFourMembersPlaceSeventyDotsAndSixPrioritiesAreSelectedInRankOrder() {
        assertThat(round.ballots()).hasSize(24);
        assertThat(round.ballots().stream().mapToInt(ballot -> ballot.dots().size()).sum()).isEqualTo(70);
        Priorities priorities = outcome.priorities();
        assertThat(priorities.selected()).containsExactly("unemployment", "crime", "young-people", "skills", "housing",
                "cohesion");
        assertThat(priorities.ranked().subList(0, 7).stream().map(Priorities.RankedIssue::dots))
                .containsExactly(13, 11, 9, 8, 7, 6, 6);
    }

    @Test
    void cleanerGreenerStreetsTiesWithCohesionAndLosesOnTheResidentsSurvey() {
        assertThat(outcome.priorities().leftOutOnSurvey()).containsExactly("environment");
        assertThat(outcome.priorities().tieNote()).contains("environment").contains("cohesion").contains("survey rank 8");
        Priorities.RankedIssue health = outcome.priorities().ranked().stream()
                .filter(issue -> issue.issue().id().equals("health")).findFirst().orElseThrow();
        assertThat(health.dots()).isEqualTo(5);
        assertThat(health.selected()).isFalse();
    }

    @Test
    void fourOfThirteenProposalsAreIneligibleEachNamingItsFailedCondition() {
        assertThat(outcome.proposals()).hasSize(13);
        assertThat(outcome.proposals().stream().filter(p -> p.status() == Status.INELIGIBLE)
                .map(p -> p.proposal().id() + ":" + p.problems()))
                .containsExactlyInAnyOrder("crime-riverside:partners", "skills-college:annualAmount",
                        "cohesion-cvs:crossCutting.health", "cohesion-riverside:sponsor");
        assertThat(find("skills-college").reason()).contains("£850,000.00").contains("£800,000.00");
        assertThat(find("cohesion-riverside").reason()).contains("private sector");
    }

    @Test
    void unemploymentIsAwardedBestToWorstFullyFunded() {
        ProposalOutcome pathways = find("unemployment-pathways");
        assertThat(pathways.finalScore().format()).isEqualTo("0.9167");
        assertThat(pathways.conflictedExcluded()).as("Jobcentre, a partner, has a member on the panel").isEqualTo(1);
        assertThat(pathways.scorers()).isEqualTo(3);
        assertThat(pathways.status()).isEqualTo(Status.AWARDED);
        assertThat(Money.format(pathways.awardAnnualPence())).isEqualTo("700000.00");

        ProposalOutcome employers = find("unemployment-employers");
        assertThat(employers.finalScore().format()).isEqualTo("0.7750");
        assertThat(employers.status()).isEqualTo(Status.NOT_FUNDED_NO_BUDGET);
        assertThat(employers.reason()).contains("£500,000.00");

        ProposalOutcome northside = find("unemployment-northside");
        assertThat(northside.finalScore().format()).isEqualTo("0.7000");
        assertThat(northside.status()).isEqualTo(Status.AWARDED);
        assertThat(Money.format(northside.awardAnnualPence())).isEqualTo("300000.00");
    }

    @Test
    void youngPeopleCvsIsScoredByTwoOfFourMembersAndFallsBelowTheThreshold() {
        ProposalOutcome cvs = find("young-people-cvs");
        assertThat(cvs.scorers()).isEqualTo(2);
        assertThat(cvs.conflictedExcluded()).isEqualTo(2);
        assertThat(cvs.finalScore().format()).isEqualTo("0.5250");
        assertThat(cvs.status()).isEqualTo(Status.NOT_FUNDED_SCORE);
    }

    @Test
    void housingIsModeratedBecauseItsScoresDifferByMoreThanTheSpread() {
        ProposalOutcome housing = find("housing-homes-together");
        assertThat(housing.conflictedExcluded()).as("h1 works for the council, a partner").isEqualTo(1);
        assertThat(housing.meanScore().format()).as("0.4500 and 0.8000, 0.35 apart").isEqualTo("0.6250");
        assertThat(housing.moderation().by()).isEqualTo("h3");
        assertThat(housing.finalScore().format()).isEqualTo("0.7000");
        assertThat(housing.status()).isEqualTo(Status.AWARDED);
        assertThat(Money.format(housing.awardAnnualPence())).isEqualTo("550000.00");
    }

    @Test
    void theFundAwardsThreePointEightFiveMillionAYearAndSevenThreeYearContracts() {
        assertThat(Money.format(outcome.awardedAnnualPence())).isEqualTo("3850000.00");
        assertThat(Money.format(outcome.unawardedAnnualPence())).isEqualTo("1150000.00");
        assertThat(outcome.contracts()).hasSize(7);
        Contract skills = outcome.contracts().stream().filter(c -> c.proposalId().equals("skills-network")).findFirst()
                .orElseThrow();
        assertThat(Money.format(skills.totalPence())).isEqualTo("2400000.00");
        assertThat(skills.milestones()).extracting(Proposal.Milestone::due).containsExactly("2002-09-30", "2003-03-31");
        assertThat(skills.outputs()).extracting(Proposal.Output::measure).containsExactly("Residents taking part");
        assertThat(skills.crossCuttingCommitments()).containsKey("health");
        assertThat(skills.instalments()).hasSize(12).allSatisfy(i -> assertThat(Money.format(i.pence())).isEqualTo("200000.00"));
        assertThat(skills.instalments().stream().map(Instalment::due).limit(5)).containsExactly(
                LocalDate.of(2002, 4, 1), LocalDate.of(2002, 7, 1), LocalDate.of(2002, 10, 1), LocalDate.of(2003, 1, 1),
                LocalDate.of(2003, 4, 1));
    }

    @Test
    void theCsvFilesHaveTheColumnsTheRulesDefine() {
        List<String> priorities = RoundCsv.priorities(outcome.priorities()).lines().toList();
        assertThat(priorities.get(0)).isEqualTo("issue_id,title,dots,survey_rank,rank,selected");
        assertThat(priorities.get(1)).isEqualTo("unemployment,Unemployment and worklessness,13,1,1,true");
        assertThat(priorities.get(7)).isEqualTo("environment,\"Cleaner, greener streets\",6,11,7,false");

        List<String> proposals = RoundCsv.proposals(outcome).lines().toList();
        assertThat(proposals.get(0)).isEqualTo("specification_id,proposal_id,lead_organisation,annual_amount_gbp,"
                + "eligible,problems,scorers,conflicted_excluded,mean_score,final_score,status,award_annual_gbp,"
                + "award_total_gbp,reason");
        assertThat(proposals).hasSize(14);
        assertThat(proposals.get(1)).startsWith("spec-cohesion,cohesion-cvs,cvs,380000.00,false,crossCutting.health,0,0,,,INELIGIBLE,0.00,0.00,");
        assertThat(proposals).anySatisfy(line -> assertThat(line).startsWith(
                "spec-unemployment,unemployment-pathways,pathways,700000.00,true,,3,1,0.9167,0.9167,AWARDED,700000.00,2100000.00,"));

        List<String> contracts = RoundCsv.contracts(outcome.contracts()).lines().toList();
        assertThat(contracts.get(0)).isEqualTo("contract_id,proposal_id,lead_organisation,instalment,due_date,amount_gbp");
        assertThat(contracts).hasSize(1 + 7 * 12);
    }

    private ProposalOutcome find(String id) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(id)).findFirst().orElseThrow();
    }
}
