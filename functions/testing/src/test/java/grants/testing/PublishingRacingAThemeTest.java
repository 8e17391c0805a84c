package grants.testing;

import grants.core.access.Role;
import grants.core.commissioning.RoundSetup;
import grants.core.errors.ConflictException;
import grants.core.rounds.RoundService;
import grants.core.rounds.RoundStore;
import grants.core.rounds.RoundThemes;
import grants.core.rounds.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The manager publishes the call while a cross-cutting theme is being added: the theme is either in the
 * call or refused, never lost under the publication nor added after the call went out. The loser is told
 * so (409) and nothing of it is written.
 */
class PublishingRacingAThemeTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final RoundSetup.Theme HEALTH = new RoundSetup.Theme("health", "Health");
    private static final LocalDate CLOSING = LocalDate.of(2002, 6, 30);

    private final LivedRound round = new LivedRound();
    private final RoundThemes themes = new RoundThemes(round.store, round.rounds, round.clock);

    @BeforeEach
    void specifiedWithoutThemes() {
        RoundSetup s = round.coventry.setup();
        round.untilSpecifying(new RoundSetup(s.roundId(), s.name(), s.fund(), s.eurRate(), s.priorityCount(),
                s.dotsPerVoter(), List.of(), s.criteria(), s.scoreScale(), s.fundableThreshold(), s.moderationSpread(),
                s.panelQuorum(), s.issues(), s.voters(), s.organisations(), s.mailingList()));
        round.coventry.specifications().forEach(spec -> round.rounds.specify(person(Role.SUB_GROUP, spec.issue()), ROUND, spec));
        round.coventry.panels().forEach(panel -> round.rounds.namePanel(manager(), ROUND, panel));
    }

    @Test
    void aThemeAddedWhileTheCallIsBeingPublishedIsKeptAndThePublicationRefused() {
        // The theme goes in after the publication has read the round and before it writes.
        RoundStore racing = Meanwhile.before(RoundStore.class, round.store, "panels",
                () -> themes.add(manager(), ROUND, HEALTH));
        RoundService publishing = new RoundService(racing, round.letters, round.clock);

        ConflictException refused = catchThrowableOfType(() -> publishing.publish(manager(), ROUND, CLOSING), ConflictException.class);

        assertThat(refused).as("the publication is refused").isNotNull();
        assertThat(refused.code()).isEqualTo("SETUP_CHANGED");
        assertThat(refused.getMessage()).contains("cross-cutting theme was added", "nothing was published");
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.SPECIFYING);
        assertThat(round.rounds.header(ROUND).setup().crossCuttingThemes()).containsExactly(HEALTH);
        assertThat(round.notices.letter(ROUND, "call")).as("no call went out").isEmpty();

        round.rounds.publish(manager(), ROUND, CLOSING);
        assertThat(round.notices.letter(ROUND, "call").orElseThrow().text()).contains("cross-cutting theme: Health");
    }

    @Test
    void aThemeBeingAddedWhenTheCallGoesOutIsRefusedAndTheCallStandsAsSent() {
        // The call goes out after the theme's addition has read the round and before it writes.
        RoundStore racing = Meanwhile.before(RoundStore.class, round.store, "replaceIfUnchanged",
                () -> round.rounds.publish(manager(), ROUND, CLOSING));
        RoundThemes late = new RoundThemes(racing, round.rounds, round.clock);

        ConflictException refused = catchThrowableOfType(() -> late.add(manager(), ROUND, HEALTH), ConflictException.class);

        assertThat(refused).as("the theme is refused").isNotNull();
        assertThat(refused.code()).isEqualTo("ROUND_MOVED_ON");
        assertThat(refused.getMessage()).contains("were published while the theme was being added", "nothing was changed");
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.PROPOSING);
        assertThat(round.rounds.header(ROUND).setup().crossCuttingThemes()).isEmpty();
        assertThat(round.notices.letter(ROUND, "call").orElseThrow().text()).doesNotContain("cross-cutting theme");
        assertThat(round.store.trail().page(ROUND, java.util.Optional.empty(), 500).entries())
                .noneMatch(entry -> entry.action().equals("CROSS_CUTTING_THEME_ADDED"));
    }
}
