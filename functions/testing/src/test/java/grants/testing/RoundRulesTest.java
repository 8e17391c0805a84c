package grants.testing;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.commissioning.Status;
import grants.core.errors.ConflictException;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.Replaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules a live round keeps whoever asks: moderation only where the rules call for one, by a
 * member who scored, confirmed by a second person; meetings seen only by those cleared for the
 * proposal; records replaced only by their owners, and meeting notes never.
 */
class RoundRulesTest {

    private static final String ROUND = "coventry-commissioning-2002";
    private static final String EMPLOYERS = "unemployment-employers";
    private static final String HOUSING = "housing-homes-together";

    private final LivedRound round = new LivedRound();

    @Test
    void oneMembersModerationRecordedBeforeAnyoneScoredCannotTurnAPoorMeanIntoAnAward() {
        round.untilScoring();
        Moderation inflated = new Moderation(EMPLOYERS, Fraction.ofDecimal(new BigDecimal("0.9500")), "u2",
                "The panel agreed it is excellent.");

        ConflictException early = catchThrowableOfType(() -> round.panels.moderate(member("u2"), ROUND, inflated),
                ConflictException.class);
        assertThat(early).as("nobody has scored: no quorum, nothing to moderate").isNotNull();
        assertThat(early.getMessage()).contains("0 counted scores and 2 are needed");

        // The panel scores it poorly and alike: 0.2000, 0.2000, 0.2000 and 0.1500, a mean of 0.1875.
        scoreAllBut(EMPLOYERS);
        for (String member : List.of("u1", "u2", "u3")) {
            round.panels.score(member(member), ROUND, new ScoreSheet(member, EMPLOYERS,
                    Map.of("outcome-measures", 1, "evaluation", 1, "sustainability", 1)));
        }
        round.panels.score(member("u4"), ROUND, new ScoreSheet("u4", EMPLOYERS,
                Map.of("outcome-measures", 1, "evaluation", 1, "sustainability", 0)));
        assertThatThrownBy(() -> round.panels.moderate(member("u2"), ROUND, inflated))
                .as("the scores agree: nothing needs moderating").isInstanceOf(ConflictException.class)
                .hasMessageContaining("range from 0.1500 to 0.2000, within the 0.3000 allowed");

        ProposalOutcome employers = outcome(round.awards.decide(manager(), ROUND), EMPLOYERS);
        assertThat(employers.meanScore().format()).isEqualTo("0.1875");
        assertThat(employers.finalScore().format()).isEqualTo("0.1875");
        assertThat(employers.status()).isEqualTo(Status.NOT_FUNDED_SCORE);
        assertThat(employers.awardAnnualPence()).isZero();
        assertThat(round.store.moderations(ROUND)).as("no moderation of it was kept").isEmpty();
    }

    @Test
    void aModerationComesOnlyFromAMemberWhoScoredItAndNotConflicted() {
        round.untilScoring();
        scoreAllBut("unemployment-pathways");
        // Quorum and a wide spread: u2 scores it 1.0, u3 0.2.
        round.panels.score(member("u2"), ROUND, new ScoreSheet("u2", "unemployment-pathways",
                Map.of("outcome-measures", 5, "evaluation", 5, "sustainability", 5)));
        round.panels.score(member("u3"), ROUND, new ScoreSheet("u3", "unemployment-pathways",
                Map.of("outcome-measures", 1, "evaluation", 1, "sustainability", 1)));
        Moderation byU4 = new Moderation("unemployment-pathways", Fraction.ofDecimal(new BigDecimal("0.6000")), "u4", "Agreed.");
        assertThatThrownBy(() -> round.panels.moderate(member("u4"), ROUND, byU4)).as("u4 has not scored it")
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("who has scored");
        Moderation byU1 = new Moderation("unemployment-pathways", Fraction.ofDecimal(new BigDecimal("0.6000")), "u1", "Agreed.");
        assertThatThrownBy(() -> round.panels.moderate(member("u1"), ROUND, byU1)).as("u1 works for a partner")
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("conflict of interest");
        Moderation byU2 = new Moderation("unemployment-pathways", Fraction.ofDecimal(new BigDecimal("0.6000")), "u2", "Agreed.");
        assertThatThrownBy(() -> round.panels.moderate(member("u3"), ROUND, byU2)).as("in someone else's name")
                .isInstanceOf(ForbiddenException.class);
        assertThat(round.panels.moderate(member("u2"), ROUND, byU2).confirmed()).isFalse();
    }

    @Test
    void aPendingModerationIsShownToThePanelAndCountsOnlyOnceASecondPersonConfirmsIt() {
        round.untilScoring();
        scoreAllBut(null);
        Moderation h3 = round.coventry.moderations().get(0);
        round.panels.moderate(member("h3"), ROUND, h3);

        assertThat(round.panels.moderation(member("h2"), ROUND, HOUSING)).hasValueSatisfying(pending -> {
            assertThat(pending.confirmed()).isFalse();
            assertThat(pending.moderation().by()).isEqualTo("h3");
        });
        assertThat(outcome(round.awards.outcome(ROUND), HOUSING).status()).as("pending: not yet in force")
                .isEqualTo(Status.NEEDS_MODERATION);

        assertThatThrownBy(() -> round.panels.confirmModeration(member("h3"), ROUND, HOUSING))
                .as("not by the member who recorded it").isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("never by the member who recorded it");
        assertThatThrownBy(() -> round.panels.confirmModeration(member("u2"), ROUND, HOUSING))
                .as("not by a member of another panel").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> round.panels.confirmModeration(member("h1"), ROUND, HOUSING))
                .as("not by a conflicted member: h1's council partners it").isInstanceOf(ForbiddenException.class);

        RecordedModeration confirmed = round.panels.confirmModeration(member("h2"), ROUND, HOUSING);
        assertThat(confirmed.confirmedBy()).isEqualTo("h2");
        assertThatThrownBy(() -> round.panels.confirmModeration(manager(), ROUND, HOUSING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("confirmed by h2 already");
        ProposalOutcome housing = outcome(round.awards.decide(manager(), ROUND), HOUSING);
        assertThat(housing.finalScore().format()).isEqualTo("0.7000");
        assertThat(housing.status()).isEqualTo(Status.AWARDED);
    }

    @Test
    void aMemberWhoHasNotScoredCannotConfirmAModeration() {
        round.untilScoring();
        String pathways = "unemployment-pathways";
        scoreAllBut(pathways);
        // u2 scores it 1.0000 and u3 0.2000: quorum, and wider apart than 0.30; u4 has not scored it.
        round.panels.score(member("u2"), ROUND, new ScoreSheet("u2", pathways,
                Map.of("outcome-measures", 5, "evaluation", 5, "sustainability", 5)));
        round.panels.score(member("u3"), ROUND, new ScoreSheet("u3", pathways,
                Map.of("outcome-measures", 1, "evaluation", 1, "sustainability", 1)));
        round.panels.moderate(member("u2"), ROUND, new Moderation(pathways, Fraction.ofDecimal(new BigDecimal("0.7000")), "u2",
                "Agreed at the panel's meeting."));
        assertThatThrownBy(() -> round.panels.confirmModeration(member("u4"), ROUND, pathways))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("who has scored");
        assertThat(round.panels.confirmModeration(manager(), ROUND, pathways).confirmedBy()).isEqualTo("manager@coventry.example");
        assertThat(outcome(round.awards.decide(manager(), ROUND), pathways).finalScore().format()).isEqualTo("0.7000");
    }

    @Test
    void meetingsAndTheirNotesAreSeenOnlyByThoseClearedToReadTheProposal() {
        round.untilScoring();
        Meeting pathways = new Meeting("unemployment-pathways", LocalDateTime.parse("2002-07-10T10:00"), 90,
                "The lead explained the Jobcentre's referral route.");
        Meeting employers = new Meeting(EMPLOYERS, LocalDateTime.parse("2002-07-11T10:00"), 90, "Forum's plan discussed.");
        round.panels.meet(member("u2"), ROUND, pathways);
        round.panels.meet(manager(), ROUND, employers);

        assertThat(round.panels.meetings(member("u1"), ROUND)).as("u1's employer partners pathways: conflicted")
                .containsExactly(employers);
        assertThat(round.panels.meetings(member("h1"), ROUND)).as("another panel's member").isEmpty();
        assertThat(round.panels.meetings(member("u3"), ROUND)).containsExactlyInAnyOrder(pathways, employers);
        assertThat(round.panels.meetings(manager(), ROUND)).hasSize(2);
        assertThat(round.panels.meetings(Actor.system("auditor@coventry.example", Role.AUDITOR), ROUND)).hasSize(2);
    }

    @Test
    void aMeetingsNotesAreNeverOverwrittenAndAddingThemKeepsWhatWasScheduled() {
        round.untilScoring();
        LocalDateTime at = LocalDateTime.parse("2002-07-10T10:00");
        Meeting scheduled = new Meeting("unemployment-pathways", at, 90, null);
        Meeting noted = new Meeting("unemployment-pathways", at, 90, "The lead explained the referral route.");
        assertThat(round.panels.meet(member("u2"), ROUND, scheduled).before()).isEmpty();
        Replaced<Meeting> withNotes = round.panels.meet(member("u3"), ROUND, noted);
        assertThat(withNotes.before()).as("the audit trail keeps what it replaced").contains(scheduled);

        Meeting rewritten = new Meeting("unemployment-pathways", at, 90, "Nothing of note was said.");
        assertThatThrownBy(() -> round.panels.meet(member("u2"), ROUND, rewritten)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("notes are never overwritten");
        assertThatThrownBy(() -> round.panels.meet(manager(), ROUND, rewritten)).as("not even by the manager")
                .isInstanceOf(ConflictException.class);
        assertThat(round.panels.meetings(manager(), ROUND)).containsExactly(noted);
    }

    @Test
    void aSubGroupCannotOverwriteAnotherSubGroupsSpecification() {
        round.untilSpecifying();
        Specification housing = round.coventry.specification("spec-housing").orElseThrow();
        round.rounds.specify(person(Role.SUB_GROUP, "housing"), ROUND, housing);
        Specification hijack = new Specification("spec-housing", "crime", "Crime down", List.of("Recorded crime"),
                housing.maxAnnualPence(), housing.subGroup());

        assertThatThrownBy(() -> round.rounds.specify(person(Role.SUB_GROUP, "crime"), ROUND, hijack))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("is the housing priority's");
        assertThatThrownBy(() -> round.rounds.specify(manager(), ROUND, hijack)).as("the id stays with its priority")
                .isInstanceOf(ForbiddenException.class);
        assertThat(round.store.specifications(ROUND)).containsExactly(housing);
        assertThat(round.store.putSpecification(ROUND, hijack, attempt("SPECIFICATION_WRITTEN"))).as("the store refuses it too, whoever asks").isFalse();

        Specification changed = new Specification("spec-housing", "housing", housing.outcome(), housing.indicators(),
                housing.maxAnnualPence() - 100_00, housing.subGroup());
        Replaced<Specification> replaced = round.rounds.specify(person(Role.SUB_GROUP, "housing"), ROUND, changed);
        assertThat(replaced.before()).as("its own sub-group replaces it, and the trail keeps the previous").contains(housing);
    }

    @Test
    void aProposalIdStaysWithTheOrganisationThatSentItFirst() {
        round.untilProposing();
        Proposal pathways = round.coventry.proposal("unemployment-pathways").orElseThrow();
        round.panels.propose(proposerFor("pathways"), ROUND, pathways);
        Proposal takeover = new Proposal(pathways.id(), pathways.specification(), "Ours now", "riverside",
                List.of("northside"), pathways.annualPence(), pathways.evaluationPlan(), pathways.sponsor(),
                pathways.clientGroupConsulted(), pathways.clientGroupSeats(), pathways.crossCutting(),
                pathways.milestones(), pathways.outputs());

        assertThatThrownBy(() -> round.panels.propose(proposerFor("riverside"), ROUND, takeover))
                .isInstanceOf(ConflictException.class).hasMessageContaining("taken by another organisation");
        assertThat(round.store.putProposal(ROUND, takeover, attempt("PROPOSAL_SENT"))).as("the store's condition, for requests that race").isFalse();
        assertThat(round.store.proposals(ROUND)).singleElement().extracting(Proposal::lead).isEqualTo("pathways");
        assertThat(round.panels.propose(proposerFor("pathways"), ROUND, pathways).before()).contains(pathways);
    }

    private static ProposalOutcome outcome(RoundOutcome outcome, String proposal) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(proposal)).findFirst().orElseThrow();
    }

    /** An audit entry for a write made straight to the store, as a racing request's would be. */
    private static AuditEntry attempt(String action) {
        return AuditEntry.by(manager(), Instant.now(), ROUND, action, "a racing request", null, null);
    }

    private static Actor member(String memberId) {
        return person(Role.PANEL_MEMBER, memberId);
    }

    /** Every recorded score except those of {@code proposal}; refused ones (conflicts, ineligible) as the rules say. */
    private void scoreAllBut(String proposal) {
        for (ScoreSheet sheet : round.coventry.scores()) {
            if (sheet.proposal().equals(proposal)) {
                continue;
            }
            try {
                round.panels.score(member(sheet.member()), ROUND, sheet);
            } catch (ForbiddenException | ConflictException refused) {
                // refused as the rules say
            }
        }
    }


}
