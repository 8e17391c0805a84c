package grants.documents.commissioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of bad input the rules list, made in the Coventry round: refused, the field named. */
class RoundBadInputTest {

    @Test
    void aBallotByAnUnknownVoter() {
        assertRefused(doc -> ballot(doc, 0).put("voter", "board-99"), "ballots[0].voter", "not a member");
    }

    @Test
    void aSecondBallotByOneVoter() {
        assertRefused(doc -> ballot(doc, 1).put("voter", "board-01"), "ballots[1].voter", "already cast");
    }

    @Test
    void moreDotsThanAVoterHas() {
        assertRefused(doc -> ((ArrayNode) ballot(doc, 5).get("dots")).add("crime").add("skills"), "ballots[5].dots", "each voter has 3");
    }

    @Test
    void twoDotsOnOneIssue() {
        assertRefused(doc -> ((ArrayNode) ballot(doc, 5).get("dots")).set(1, "unemployment"), "ballots[5].dots[1]", "second dot");
    }

    @Test
    void aDotOnAnUnknownIssue() {
        assertRefused(doc -> ((ArrayNode) ballot(doc, 0).get("dots")).set(0, "weather"), "ballots[0].dots[0]", "not an issue");
    }

    @Test
    void aSpecificationForAnIssueThatWasNotSelectedAndASelectedIssueWithoutOne() {
        InvalidInputException refused = refusedBy(doc -> spec(doc, 5).put("issue", "environment"));
        assertThat(refused.details()).anySatisfy(named("specifications[5].issue", "not selected"));
        assertThat(refused.details()).anySatisfy(named("specifications", "\"cohesion\" has no specification"));
    }

    @Test
    void maximaOverTheFund() {
        assertRefused(doc -> spec(doc, 0).put("maxAnnualAllocation", "2000000.00"), "specifications", "over the fund");
    }

    @Test
    void aProposalForAnUnknownSpecificationOrNamingAnUnknownOrganisation() {
        InvalidInputException refused = refusedBy(doc -> {
            proposal(doc, 0).put("specification", "spec-weather");
            ((ArrayNode) proposal(doc, 1).get("partners")).add("nobody");
        });
        assertThat(refused.details()).anySatisfy(named("proposals[0].specification", "not a specification"));
        assertThat(refused.details()).anySatisfy(named("proposals[1].partners[1]", "not an organisation"));
    }

    @Test
    void aScoreByAMemberOfAnotherSpecificationsPanelOrForAnUnknownProposal() {
        InvalidInputException refused = refusedBy(doc -> {
            score(doc, 0).put("member", "c1");
            score(doc, 1).put("proposal", "nothing");
        });
        assertThat(refused.details()).anySatisfy(named("scores[0].member", "not a member of the panel"));
        assertThat(refused.details()).anySatisfy(named("scores[1].proposal", "not a proposal"));
    }

    @Test
    void aCriterionScoreOutsideTheScaleOrNotWholeOrMissingOrUnknown() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ObjectNode) score(doc, 0).get("criteria")).put("evaluation", 6);
            ((ObjectNode) score(doc, 1).get("criteria")).put("evaluation", 3.5);
            ((ObjectNode) score(doc, 2).get("criteria")).remove("evaluation");
            ((ObjectNode) score(doc, 3).get("criteria")).put("charm", 2);
        });
        assertThat(refused.details()).anySatisfy(named("scores[0].criteria.evaluation", "from 0 to 5"));
        assertThat(refused.details()).anySatisfy(named("scores[1].criteria.evaluation", "whole number"));
        assertThat(refused.details()).anySatisfy(named("scores[2].criteria.evaluation", "required"));
        assertThat(refused.details()).anySatisfy(named("scores[3].criteria.charm", "not a criterion"));
    }

    @Test
    void twoScoresByOneMemberForOneProposal() {
        assertRefused(doc -> score(doc, 1).put("member", "u1"), "scores[1]", "already scored");
    }

    @Test
    void aModerationOutsideZeroToOne() {
        assertRefused(doc -> ((ObjectNode) doc.get("moderations").get(0)).put("score", "1.2000"), "moderations[0].score",
                "from 0 to 1");
    }

    @Test
    void aModerationBySomeoneNotOnThePanel() {
        assertRefused(doc -> ((ObjectNode) doc.get("moderations").get(0)).put("by", "u1"), "moderations[0].by",
                "not a member of the panel");
    }

    @Test
    void twoModerationsOfOneProposalByMembersNotConflicted() {
        // h2 is not conflicted on housing-homes-together, nor is h3, whose moderation the round has.
        assertRefused(doc -> ((ArrayNode) doc.get("moderations")).addObject().put("proposal", "housing-homes-together")
                .put("score", "0.6000").put("by", "h2").put("reason", "A second view."), "moderations[1].proposal",
                "already has a moderation record");
    }

    @Test
    void moneyAsTheAllocationRulesSay() {
        InvalidInputException refused = refusedBy(doc -> {
            proposal(doc, 0).put("annualAmount", "700000.001");
            ((ObjectNode) doc.get("fund")).put("annualAmount", "-5");
        });
        assertThat(refused.details()).anySatisfy(named("proposals[0].annualAmount", "two decimals"));
        assertThat(refused.details()).anySatisfy(named("fund.annualAmount", "negative"));
    }

    @Test
    void unknownFieldsFormulasAndControlCharacters() {
        InvalidInputException refused = refusedBy(doc -> {
            doc.put("fundd", "1");
            proposal(doc, 0).put("title", "=HYPERLINK(\"http://x\")");
            spec(doc, 0).put("subGroup", "a\u0007b");
        });
        assertThat(refused.details()).anySatisfy(named("fundd", "not a field"));
        assertThat(refused.details()).anySatisfy(named("proposals[0].title", "formula"));
        assertThat(refused.details()).anySatisfy(named("specifications[0].subGroup", "control"));
    }

    @Test
    void twoIssuesWithTheSameSurveyRankAreRefusedAtSetUpForTheSurveyCouldNotBreakTheirTie() {
        // environment (11) given cohesion's rank (8): the two tie at 6 dots at the cut-off
        InvalidInputException refused = refusedBy(doc -> issue(doc, 10).put("surveyRank", 8));
        assertThat(refused.details()).singleElement().satisfies(named("issues[10].surveyRank", "also \"cohesion\"'s"));
    }

    @Test
    void aSurveyRankBelowOneIsRefused() {
        assertRefused(doc -> issue(doc, 0).put("surveyRank", 0), "issues[0].surveyRank", "must be 1 or more");
    }

    @Test
    void aConflictedScoreIsNotAnErrorInARoundDocument() {
        ObjectNode doc = Fixtures.document(CoventryRoundTest.COVENTRY);
        assertThat(RoundJson.read(doc).scores()).anySatisfy(score -> assertThat(score.member()).isEqualTo("u1"));
    }

    private static void assertRefused(Consumer<ObjectNode> change, String field, String words) {
        assertThat(refusedBy(change).details()).anySatisfy(named(field, words));
    }

    private static InvalidInputException refusedBy(Consumer<ObjectNode> change) {
        ObjectNode doc = Fixtures.document(CoventryRoundTest.COVENTRY);
        change.accept(doc);
        InvalidInputException refused = catchThrowableOfType(() -> RoundJson.read(doc), InvalidInputException.class);
        assertThat(refused).as("the round should be refused").isNotNull();
        assertThat(refused.getMessage()).startsWith("The round was refused");
        return refused;
    }

    private static Consumer<Problem> named(String field, String words) {
        return problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.problem()).contains(words);
        };
    }

    private static ObjectNode ballot(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("ballots").get(i);
    }

    private static ObjectNode issue(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("issues").get(i);
    }

    private static ObjectNode spec(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("specifications").get(i);
    }

    private static ObjectNode proposal(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("proposals").get(i);
    }

    private static ObjectNode score(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("scores").get(i);
    }
}
