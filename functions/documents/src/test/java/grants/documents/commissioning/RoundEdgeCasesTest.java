package grants.documents.commissioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Fund;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Status;
import grants.core.money.Money;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' edge cases, each made from the Coventry round by the smallest change that shows it. */
class RoundEdgeCasesTest {

    @Test
    void withoutItsModerationRecordAProposalWhoseScoresDifferTooMuchNeedsModerationAndNothingIsAwardedThere() {
        RoundOutcome outcome = decide(doc -> doc.putArray("moderations"));
        ProposalOutcome housing = find(outcome, "housing-homes-together");
        assertThat(housing.status()).isEqualTo(Status.NEEDS_MODERATION);
        assertThat(housing.reason()).contains("0.4500", "0.8000", "0.3000");
        assertThat(budget(outcome, "spec-housing")).as("left = maximum").isEqualTo("0.00");
    }

    @Test
    void aModerationByAConflictedMemberIsNotCounted() {
        RoundOutcome outcome = decide(doc -> ((ObjectNode) doc.get("moderations").get(0)).put("by", "h1"));
        assertThat(find(outcome, "housing-homes-together").status()).isEqualTo(Status.NEEDS_MODERATION);
    }

    @Test
    void belowQuorumAProposalIsNotDecidedAndTheOthersOfItsSpecificationWait() {
        RoundOutcome outcome = decide(doc -> removeScores(doc, "unemployment-northside", "u2", "u3", "u4"));
        assertThat(find(outcome, "unemployment-northside").status()).isEqualTo(Status.NOT_DECIDED);
        assertThat(find(outcome, "unemployment-northside").scorers()).isEqualTo(1);
        assertThat(find(outcome, "unemployment-pathways").status()).isEqualTo(Status.PENDING);
        assertThat(find(outcome, "unemployment-employers").status()).isEqualTo(Status.PENDING);
        assertThat(budget(outcome, "spec-unemployment")).isEqualTo("0.00");
        assertThat(Money.format(outcome.awardedAnnualPence())).as("3,850,000.00 less unemployment's 1,000,000.00")
                .isEqualTo("2850000.00");
    }

    @Test
    void belowQuorumItsMeanAndFinalScoreAreEmpty() {
        RoundOutcome outcome = decide(doc -> removeScores(doc, "unemployment-northside", "u2", "u3", "u4"));
        assertThat(find(outcome, "unemployment-northside").meanScore()).as("rule C7: u1's score alone is no mean").isNull();
        assertThat(find(outcome, "unemployment-northside").finalScore()).isNull();
    }

    @Test
    void aConflictedMembersModerationBesideTheRecordIsNoSecondRecordAndIsNotCounted() {
        // h1's council partners housing-homes-together: replay refuses its moderation (rule C5), h3's 0.7000 stands.
        RoundOutcome outcome = decide(doc -> ((ArrayNode) doc.get("moderations")).addObject()
                .put("proposal", "housing-homes-together").put("score", "0.9000").put("by", "h1")
                .put("reason", "The council's own view."));
        assertThat(find(outcome, "housing-homes-together").finalScore().format()).isEqualTo("0.7000");
        assertThat(find(outcome, "housing-homes-together").status()).isEqualTo(Status.AWARDED);
    }

    @Test
    void anIneligibleProposalsScoresAreCountedNowhereNotEvenAConflictedMembers() {
        // crime-riverside fails the gateway (partners); c1 declares an interest in it and scores it all the same.
        RoundOutcome outcome = decide(doc -> {
            for (var panel : doc.get("panels")) {
                for (var member : panel.get("members")) {
                    if (member.get("id").asText().equals("c1")) {
                        ((ArrayNode) member.get("interests")).add("crime-riverside");
                    }
                }
            }
            ObjectNode sheet = ((ArrayNode) doc.get("scores")).addObject().put("member", "c1").put("proposal", "crime-riverside");
            sheet.putObject("criteria").put("outcome-measures", 4).put("evaluation", 4).put("sustainability", 4);
        });
        ProposalOutcome riverside = find(outcome, "crime-riverside");
        assertThat(riverside.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(riverside.scorers()).as("rule C5: scorers 0").isZero();
        assertThat(riverside.conflictedExcluded()).as("rule C5: conflicted_excluded 0").isZero();
    }

    @Test
    void aFinalScoreExactlyAtTheThresholdIsFundable() {
        // young-people-cvs: counted y1 (3,2,3 = 11/20) and y4 (2,3,3 = 10/20); make y4 3,3,4 = 13/20: mean 24/40 = 0.60
        RoundOutcome outcome = decide(doc -> setCriteria(doc, "y4", "young-people-cvs", 3, 3, 4));
        ProposalOutcome cvs = find(outcome, "young-people-cvs");
        assertThat(cvs.finalScore().format()).isEqualTo("0.6000");
        assertThat(cvs.status()).as("fundable; 450,000 does not fit in the 400,000 left").isEqualTo(Status.NOT_FUNDED_NO_BUDGET);
    }

    @Test
    void scoresDifferingByExactlyTheSpreadNeedNoModeration() {
        // housing without h1's conflict: h2 0.45 and h3 made 0.75 (3,3,3... = 15/20): 0.30 apart, not more
        RoundOutcome outcome = decide(doc -> {
            doc.putArray("moderations");
            setCriteria(doc, "h3", "housing-homes-together", 4, 4, 3);
        });
        ProposalOutcome housing = find(outcome, "housing-homes-together");
        assertThat(housing.finalScore().format()).isEqualTo("0.6000");
        assertThat(housing.status()).isEqualTo(Status.AWARDED);
    }

    @Test
    void equalFinalScoresAreAwardedCheapestFirstThenById() {
        // employers scored as northside is, by the same three members (u2 works for northside's partner): both 0.7000
        RoundOutcome outcome = decide(doc -> {
            removeScores(doc, "unemployment-employers", "u2");
            for (String member : List.of("u1", "u3", "u4")) {
                ObjectNode northside = score(doc, member, "unemployment-northside");
                ((ObjectNode) score(doc, member, "unemployment-employers")).set("criteria", northside.get("criteria").deepCopy());
            }
            removeScores(doc, "unemployment-pathways", "u1", "u2", "u3", "u4");
            ((ArrayNode) doc.get("proposals")).remove(0);
        });
        assertThat(find(outcome, "unemployment-employers").finalScore())
                .isEqualTo(find(outcome, "unemployment-northside").finalScore()).hasToString("0.7000");
        assertThat(find(outcome, "unemployment-northside").status()).isEqualTo(Status.AWARDED);
        assertThat(find(outcome, "unemployment-employers").status()).as("600,000 fits in the 900,000 left")
                .isEqualTo(Status.AWARDED);
        assertThat(find(outcome, "unemployment-northside").reason()).contains("fitted in the £1,200,000.00 left");
    }

    @Test
    void aYearsFourthInstalmentTakesThePenceLeftOver() {
        Proposal odd = new Proposal("odd", "spec", "Odd pence", "lead", List.of("partner"), 10_000_001L, "plan", null, true, 1,
                Map.of(), List.of(), List.of());
        Contract contract = Contract.of(odd, new Fund(0, 3, "2002-03"));
        assertThat(contract.instalments()).hasSize(12);
        assertThat(contract.instalments().subList(0, 4).stream().map(Instalment::pence))
                .containsExactly(2_500_000L, 2_500_000L, 2_500_000L, 2_500_001L);
        assertThat(contract.totalPence()).isEqualTo(30_000_003L);
        assertThat(contract.instalments().get(11).due()).hasToString("2005-01-01");
    }

    @Test
    void scoresAreShownToFourDecimalsRoundedHalfUp() {
        assertThat(Fraction.of(183_325, 200_000).format()).as("0.916625").isEqualTo("0.9166");
        assertThat(Fraction.of(18_333, 20_000).format()).as("0.91665").isEqualTo("0.9167");
        assertThat(Fraction.of(11, 12).format()).isEqualTo("0.9167");
    }

    @Test
    void withoutATieAtTheCutOffTheResultSaysSo() {
        RoundOutcome outcome = decide(doc -> ((ArrayNode) ballot(doc, 7).get("dots")).set(2, "cohesion"));
        assertThat(outcome.priorities().leftOutOnSurvey()).isEmpty();
        assertThat(outcome.priorities().tieNote()).startsWith("No tie at the cut-off");
    }

    @Test
    void aTieAtTheCutOffThatTheIdBrokeDoesNotCreditTheResidentsSurvey() {
        // set-up refuses equal survey ranks; counted all the same, the note must not claim the survey decided
        Round round = RoundJson.read(Fixtures.document(CoventryRoundTest.COVENTRY));
        Priorities priorities = Priorities.count(withIssues(round.setup(), round.setup().priorityCount(),
                issue -> issue.id().equals("environment") ? new RoundSetup.Issue(issue.id(), issue.title(),
                        issue.strategicOutcome(), 8) : issue), round.ballots());

        assertThat(priorities.selected()).contains("cohesion").doesNotContain("environment");
        assertThat(priorities.leftOutOnSurvey()).isEmpty();
        assertThat(priorities.tieNote()).doesNotContain("survey broke").contains("broken by id", "environment");
    }

    @Test
    void aTieWhoseIssuesAreAllSelectedNeededNoSurvey() {
        // seven priorities: cohesion and environment, both at 6 dots, are both selected
        Round round = RoundJson.read(Fixtures.document(CoventryRoundTest.COVENTRY));
        Priorities priorities = Priorities.count(withIssues(round.setup(), 7, issue -> issue), round.ballots());

        assertThat(priorities.selected()).contains("cohesion", "environment");
        assertThat(priorities.leftOutOnSurvey()).isEmpty();
        assertThat(priorities.tieNote()).startsWith("No tie at the cut-off").doesNotContain("survey");
    }

    private static RoundSetup withIssues(RoundSetup setup, int priorityCount,
                                         java.util.function.UnaryOperator<RoundSetup.Issue> change) {
        return new RoundSetup(setup.roundId(), setup.name(), setup.fund(), setup.eurRate(), priorityCount,
                setup.dotsPerVoter(), setup.crossCuttingThemes(), setup.criteria(), setup.scoreScale(),
                setup.fundableThreshold(), setup.moderationSpread(), setup.panelQuorum(),
                setup.issues().stream().map(change).toList(), setup.voters(), setup.organisations(),
                setup.mailingList());
    }

    private static RoundOutcome decide(Consumer<ObjectNode> change) {
        ObjectNode doc = Fixtures.document(CoventryRoundTest.COVENTRY);
        change.accept(doc);
        return Decisions.decide(RoundJson.read(doc));
    }

    private static ProposalOutcome find(RoundOutcome outcome, String id) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(id)).findFirst().orElseThrow();
    }

    private static String budget(RoundOutcome outcome, String specification) {
        return Money.format(outcome.budgets().stream().filter(b -> b.specification().id().equals(specification))
                .findFirst().orElseThrow().awardedAnnualPence());
    }

    private static ObjectNode ballot(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("ballots").get(i);
    }

    private static ObjectNode score(ObjectNode doc, String member, String proposal) {
        for (var node : doc.get("scores")) {
            if (node.get("member").asText().equals(member) && node.get("proposal").asText().equals(proposal)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no score by " + member + " of " + proposal);
    }

    private static void setCriteria(ObjectNode doc, String member, String proposal, int outcomes, int evaluation,
                                    int sustainability) {
        ((ObjectNode) score(doc, member, proposal).get("criteria")).put("outcome-measures", outcomes)
                .put("evaluation", evaluation).put("sustainability", sustainability);
    }

    private static void removeScores(ObjectNode doc, String proposal, String... members) {
        ArrayNode scores = (ArrayNode) doc.get("scores");
        for (int i = scores.size() - 1; i >= 0; i--) {
            if (scores.get(i).get("proposal").asText().equals(proposal)
                    && List.of(members).contains(scores.get(i).get("member").asText())) {
                scores.remove(i);
            }
        }
    }
}
