package grants.testing;

import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.rounds.RoundThemes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Coventry made health cross-cutting after the vote: a round set up without it has it added before the
 * specifications go out, and every proposal then answers it at the gateway.
 */
class CrossCuttingThemeTest {

    private static final String ROUND = "coventry-commissioning-2002";
    private static final RoundSetup.Theme HEALTH = new RoundSetup.Theme("health", "Health");

    private final LivedRound round = new LivedRound();
    private final RoundThemes themes = new RoundThemes(round.store, round.rounds, round.clock);

    @Test
    void healthAddedAfterTheVoteIsAnsweredByEveryProposalAtTheGateway() {
        round.untilSpecifying(withoutThemes());

        assertThat(themes.add(manager(), ROUND, HEALTH)).containsExactly(HEALTH);
        round.specifyAndPublish();

        Proposal cvs = round.coventry.proposal("cohesion-cvs").orElseThrow(); // says nothing of health
        assertThat(round.panels.propose(proposerFor("cvs"), ROUND, cvs).checked().failures())
                .extracting(failure -> failure.field()).containsExactly("crossCutting.health");
        assertThat(round.notices.letter(ROUND, "call").orElseThrow().text()).as("the call names it")
                .contains("cross-cutting theme: Health");
        assertThat(round.store.trail().page(ROUND, java.util.Optional.empty(), 500).entries())
                .filteredOn(entry -> entry.action().equals("CROSS_CUTTING_THEME_ADDED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.before()).isEqualTo("no cross-cutting themes");
                    assertThat(entry.after()).contains("health (Health)");
                });
    }

    @Test
    void aThemeIsAddedOnlyAfterTheVoteAndBeforeTheCallAndOnlyOnce() {
        round.rounds.setUp(manager(), withoutThemes());
        assertThatThrownBy(() -> themes.add(manager(), ROUND, HEALTH)).as("while voting")
                .isInstanceOf(ConflictException.class).hasMessageContaining("is voting");
        round.coventry.ballots().forEach(b -> round.rounds.vote(person(Role.BOARD_MEMBER, b.voter()), ROUND, b));
        round.rounds.closeVoting(manager(), ROUND);
        themes.add(manager(), ROUND, HEALTH);
        assertThatThrownBy(() -> themes.add(manager(), ROUND, HEALTH)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already");
        round.specifyAndPublish();
        assertThatThrownBy(() -> themes.add(manager(), ROUND, new RoundSetup.Theme("older-people", "Older people")))
                .as("once published, proposers answer the themes of the call").isInstanceOf(ConflictException.class)
                .hasMessageContaining("is proposing");
        assertThat(round.rounds.header(ROUND).setup().crossCuttingThemes()).containsExactly(HEALTH);
    }

    @Test
    void aThemeWithoutATitleOrWithABadIdIsRefusedNamingTheField() {
        round.untilSpecifying(withoutThemes());
        InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> themes.add(manager(), ROUND, new RoundSetup.Theme("Health!", " ")), InvalidInputException.class);
        assertThat(refused.details()).extracting(problem -> problem.field()).containsExactly("id", "title");
        assertThat(round.rounds.header(ROUND).setup().crossCuttingThemes()).isEmpty();
        assertThat(round.store.trail().page(ROUND, java.util.Optional.empty(), 500).entries())
                .extracting(AuditEntry::action).doesNotContain("CROSS_CUTTING_THEME_ADDED");
    }

    private RoundSetup withoutThemes() {
        RoundSetup s = round.coventry.setup();
        return new RoundSetup(s.roundId(), s.name(), s.fund(), s.eurRate(), s.priorityCount(), s.dotsPerVoter(), List.of(),
                s.criteria(), s.scoreScale(), s.fundableThreshold(), s.moderationSpread(), s.panelQuorum(), s.issues(),
                s.voters(), s.organisations(), s.mailingList());
    }
}
