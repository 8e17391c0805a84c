package grants.testing;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundCsv;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.commissioning.Status;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.notices.NoticeKind;
import grants.core.rounds.RoundPanels;
import grants.core.rounds.Stage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;


import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Coventry round lived stage by stage through the use cases, as its people would. */
class RoundStagesTest {

    private static final String ROUND = "coventry-commissioning-2002";

    private final LivedRound round = new LivedRound();

    @Test
    void theWholeRoundLivedStageByStageDecidesAsTheRecordedRoundDoes() {
        round.untilScoring();
        round.scored();
        RoundOutcome outcome = round.awards.decide(manager(), ROUND);
        assertThat(RoundCsv.proposals(outcome)).isEqualTo(RoundCsv.proposals(Decisions.decide(round.coventry)));
        assertThat(RoundCsv.priorities(outcome.priorities())).isEqualTo(RoundCsv.priorities(Decisions.decide(round.coventry).priorities()));
    }

    @Test
    void nobodySeesTheTallyBeforeVotingClosesAndABallotAfterItIsRefused() {
        round.rounds.setUp(manager(), round.coventry.setup());
        round.rounds.vote(person(Role.BOARD_MEMBER, "board-01"), ROUND, round.coventry.ballots().get(0));
        assertThatThrownBy(() -> round.rounds.tally(ROUND)).isInstanceOf(ConflictException.class).hasMessageContaining("before voting closes");
        round.rounds.vote(person(Role.BOARD_MEMBER, "board-01"), ROUND, new Ballot("board-01", List.of("crime")));
        assertThat(round.rounds.ownBallot(person(Role.BOARD_MEMBER, "board-01"), ROUND).orElseThrow().dots())
                .as("a changed ballot replaces the first").containsExactly("crime");
        round.rounds.closeVoting(manager(), ROUND);
        assertThat(round.rounds.tally(ROUND).ranked().get(0).issue().id()).isEqualTo("crime");
        assertThatThrownBy(() -> round.rounds.vote(person(Role.BOARD_MEMBER, "board-02"), ROUND, round.coventry.ballots().get(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is specifying");
    }

    @Test
    void aReplacedSetUpIsRecordedWithWhatItWasBefore() {
        round.rounds.setUp(manager(), round.coventry.setup());
        round.rounds.setUp(manager(), round.coventry.setup());

        List<AuditEntry> setUps = round.store.trail().page(ROUND, java.util.Optional.empty(), 10).entries();
        assertThat(setUps).extracting(AuditEntry::action).containsExactly("ROUND_SET_UP", "ROUND_SET_UP");
        assertThat(setUps).filteredOn(entry -> entry.before() == null).as("the first, new").hasSize(1);
        assertThat(setUps).filteredOn(entry -> entry.before() != null).singleElement()
                .satisfies(entry -> assertThat(entry.before()).contains("board members"));
    }

    @Test
    void aBoardMemberCastsTheirOwnBallotOnly() {
        round.rounds.setUp(manager(), round.coventry.setup());
        assertThatThrownBy(() -> round.rounds.vote(person(Role.BOARD_MEMBER, "board-02"), ROUND, round.coventry.ballots().get(0)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> round.rounds.vote(person(Role.BOARD_MEMBER, "board-01"), ROUND,
                new Ballot("board-01", List.of("crime", "crime"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ballot was refused");
    }

    @Test
    void specificationsOverTheFundAreRefusedNamingTheMaximum() {
        round.rounds.setUp(manager(), round.coventry.setup());
        round.coventry.ballots().forEach(b -> round.rounds.vote(person(Role.BOARD_MEMBER, b.voter()), ROUND, b));
        round.rounds.closeVoting(manager(), ROUND);
        round.coventry.specifications().forEach(s -> round.rounds.specify(manager(), ROUND, s));
        Specification crime = round.coventry.specification("spec-crime").orElseThrow();
        InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                round.rounds.specify(person(Role.SUB_GROUP, "crime"), ROUND, new Specification(crime.id(), crime.issue(),
                        crime.outcome(), crime.indicators(), 200_000_000L, crime.subGroup())));
        assertThat(refused.details()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("maxAnnualAllocation");
            assertThat(problem.problem()).contains("over the fund's 5000000.00");
        });
        assertThatThrownBy(() -> round.rounds.specify(person(Role.SUB_GROUP, "housing"), ROUND, crime))
                .as("a sub-group writes its own priority's specification").isInstanceOf(ForbiddenException.class);
    }

    @Test
    void publishingSendsTheCallToEveryAddressOfTheMailingListOnce() {
        round.untilProposing();
        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/call/")).hasSize(16)
                .allSatisfy(notice -> assertThat(notice.kind()).isEqualTo(NoticeKind.LETTER));
        assertThat(round.notices.letter(ROUND, "call").orElseThrow().text())
                .contains("please send yours by 30 June 2002").contains("Maximum a year: £1,200,000.00")
                .contains("cross-cutting theme: Health");
    }

    @Test
    void aProposerSeesTheGatewaysVerdictAtOnceAndMayNotProposeForAnotherOrganisation() {
        round.untilProposing();
        Proposal cvs = round.coventry.proposal("cohesion-cvs").orElseThrow();
        RoundPanels.Checked checked = round.panels.propose(proposerFor("cvs"), ROUND, cvs).checked();
        assertThat(checked.failures()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("crossCutting.health"));
        assertThatThrownBy(() -> round.panels.propose(proposerFor("riverside"), ROUND, cvs)).isInstanceOf(ForbiddenException.class);
        round.clock.set(Instant.parse("2002-07-01T09:00:00Z"));
        assertThatThrownBy(() -> round.panels.propose(proposerFor("cvs"), ROUND, cvs))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed on 2002-06-30");
    }

    @Test
    void aPanelMemberSeesNoProposalBeforeDeclaringAndNoneTheyAreConflictedOn() {
        round.untilScoring();
        Actor u1 = person(Role.PANEL_MEMBER, "u1");
        // declared in round.untilScoring(); u1 works for Jobcentre, a partner of unemployment-pathways
        assertThat(round.panels.proposals(u1, ROUND)).extracting(c -> c.proposal().id())
                .containsExactly("unemployment-employers", "unemployment-northside");
        assertThatThrownBy(() -> round.panels.proposal(u1, ROUND, "unemployment-pathways"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("conflict of interest");
    }

    @Test
    void scoringIsBlindUntilAMemberHasScoredAndAConflictedScoreIsRefusedAndCountedAsExcluded() {
        round.untilScoring();
        ScoreSheet u2 = sheet("u2", "unemployment-pathways");
        round.panels.score(person(Role.PANEL_MEMBER, "u2"), ROUND, u2);
        assertThatThrownBy(() -> round.panels.scores(person(Role.PANEL_MEMBER, "u3"), ROUND, "unemployment-pathways"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("blind");
        round.panels.score(person(Role.PANEL_MEMBER, "u3"), ROUND, sheet("u3", "unemployment-pathways"));
        assertThat(round.panels.scores(person(Role.PANEL_MEMBER, "u3"), ROUND, "unemployment-pathways")).hasSize(2);
        assertThatThrownBy(() -> round.panels.score(person(Role.PANEL_MEMBER, "u2"), ROUND, u2))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> round.panels.score(person(Role.PANEL_MEMBER, "u1"), ROUND, sheet("u1", "unemployment-pathways")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(round.store.refusedScores(ROUND)).hasSize(1);
        assertThat(round.store.scores(ROUND)).hasSize(2);
        List<AuditEntry> trail = round.store.trail().page(ROUND, java.util.Optional.empty(), 500).entries();
        assertThat(trail).filteredOn(entry -> entry.action().equals("SCORE_REFUSED")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).contains("u1", "conflict of interest"));
        assertThat(trail).filteredOn(entry -> entry.action().equals("SCORE_SUBMITTED")).as("the repeat left no entry")
                .hasSize(2);
    }

    @Test
    void aManagerOverridesOnlyWithAReasonAndTheDecisionIsHiddenFromProposersUntilPublished() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        assertThatThrownBy(() -> round.awards.override(manager(), ROUND, new ManagerDecision("unemployment-employers",
                ManagerDecision.Decision.AWARD, " ", "manager"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> round.awards.decisionFor(proposerFor("employers-forum"), ROUND, "unemployment-employers"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not published");
        round.awards.override(manager(), ROUND, new ManagerDecision("unemployment-pathways", ManagerDecision.Decision.DECLINE,
                "Its partners now deliver the same service under unemployment-employers.", "manager"));
        assertThat(status(round.awards.outcome(ROUND), "unemployment-employers")).as("the freed money goes to the next best")
                .isEqualTo(Status.AWARDED);
        round.awards.publish(manager(), ROUND);
        assertThat(round.awards.decisionFor(proposerFor("employers-forum"), ROUND, "unemployment-employers").status())
                .isEqualTo(Status.AWARDED);
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(round.awards.contracts(ROUND)).hasSize(7);
        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/decision/")).hasSize(13);
        assertThat(round.notices.letter(ROUND, "decision-unemployment-pathways").orElseThrow().text())
                .contains("has not been funded").contains("Its partners now deliver the same service");
        assertThat(round.awards.outcome(ROUND).awardedAnnualPence()).as("3,850,000.00 with employers' 600,000.00"
                + " in place of pathways' 700,000.00").isEqualTo(375_000_000L);
        assertThat(round.bucket.get("exports/" + ROUND + "/round-decisions/manifest.json")).isPresent();
    }

    @Test
    void aDisplacedProposalsLetterNamesWhoWasFundedInsteadAndADeclinedOneItsOwnReason() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        round.awards.override(manager(), ROUND, new ManagerDecision("unemployment-employers", ManagerDecision.Decision.AWARD,
                "Employers pledged matched places.", "manager"));
        round.awards.override(manager(), ROUND, new ManagerDecision("skills-network", ManagerDecision.Decision.DECLINE,
                "The network is being wound up.", "manager"));
        round.awards.publish(manager(), ROUND);
        assertThat(round.notices.letter(ROUND, "decision-unemployment-pathways").orElseThrow().text())
                .contains("has not been funded")
                .contains("the panel's decision to fund unemployment-employers")
                .contains("for this reason: Employers pledged matched places.");
        assertThat(round.notices.letter(ROUND, "decision-skills-network").orElseThrow().text())
                .contains("The network is being wound up.").doesNotContain("did not fit");
        assertThat(round.awards.decisionFor(proposerFor("skills-network"), ROUND, "skills-network").status())
                .isEqualTo(Status.DECLINED);
    }

    @Test
    void publishingTwiceQueuesNoSecondLetter() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        round.awards.publish(manager(), ROUND);
        round.awards.publish(manager(), ROUND);
        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/decision/")).hasSize(13);
    }

    @Test
    void aCloseOfVotingInterruptedAfterItsStageMovedIsFinishedByClosingAgain() {
        round.rounds.setUp(manager(), round.coventry.setup());
        round.coventry.ballots().forEach(b -> round.rounds.vote(person(Role.BOARD_MEMBER, b.voter()), ROUND, b));
        round.store.advance(round.rounds.header(ROUND).at(Stage.SPECIFYING), Stage.VOTING); // as if it stopped there
        assertThat(round.rounds.closeVoting(manager(), ROUND).selected()).containsExactly("unemployment", "crime", "young-people",
                "skills", "housing", "cohesion");
        assertThat(round.rounds.header(ROUND).selected()).hasSize(6);
        assertThatThrownBy(() -> round.rounds.closeVoting(manager(), ROUND)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aSpecificationWaitingForAModerationIsLeftOutOfPublicationAndItsProposersAreNotWritten() {
        round.untilScoring();
        for (ScoreSheet sheet : round.coventry.scores()) {
            try {
                round.panels.score(person(Role.PANEL_MEMBER, sheet.member()), ROUND, sheet);
            } catch (ForbiddenException conflicted) {
                // refused and counted as excluded
            }
        }
        round.awards.decide(manager(), ROUND);
        round.awards.publish(manager(), ROUND);
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(round.rounds.header(ROUND).publishedSpecifications()).doesNotContain("spec-housing");
        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/decision/")).hasSize(12)
                .noneMatch(n -> n.key().endsWith("housing-homes-together"));
    }

    private static Status status(RoundOutcome outcome, String proposal) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(proposal)).findFirst().orElseThrow().status();
    }

    private ScoreSheet sheet(String member, String proposal) {
        return round.coventry.scores().stream().filter(s -> s.member().equals(member) && s.proposal().equals(proposal))
                .findFirst().orElseThrow();
    }


}
