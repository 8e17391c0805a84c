package grants.testing;

import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Status;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.rounds.PanelCheck;
import grants.core.rounds.RoundAwards;
import grants.core.rounds.Stage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule C10 lived through the use cases: a round with a proposal that needs a moderation nobody has
 * given yet, and one left below quorum by a conflict of interest, is decided, overridden and
 * published specification by specification, and reaches the publication of everything.
 */
class NeverStuckTest {

    private static final String ROUND = "coventry-commissioning-2002";
    private static final String MODERATED = "housing-homes-together";
    private static final String SHORT = "crime-safer-streets";
    private static final String LETTERS = "round/" + ROUND + "/decision/";

    private final LivedRound round = new LivedRound();

    @Test
    void everyKindOfUndecidedProposalWaitsInItsOwnSpecificationAndIsPublishedWhenItsScoresOrModerationArrive() {
        round.untilScoring(Map.of("c1", List.of(SHORT)));
        // c2's police partners crime-safer-streets; c1 declares an interest too: c3 alone is clear, and 2 are needed.
        PanelCheck crime = round.panels.panelCheck(ROUND, "spec-crime");
        assertThat(crime.stillNeeded()).isEqualTo(1);
        assertThat(crime.shortOf()).containsExactly(SHORT);
        assertThat(crime.warnings().get(0)).contains("Below quorum").contains("add 1 more member");
        round.scoredButModerations();

        RoundOutcome decided = round.awards.decide(manager(), ROUND);
        assertThat(status(decided, SHORT)).isEqualTo(Status.NOT_DECIDED);
        assertThat(status(decided, MODERATED)).isEqualTo(Status.NEEDS_MODERATION);
        assertThat(RoundAwards.waitingSpecifications(decided)).containsExactly("spec-crime", "spec-housing");

        // The other specifications are overridden and published meanwhile.
        round.awards.override(manager(), ROUND, new ManagerDecision("unemployment-pathways", ManagerDecision.Decision.DECLINE,
                "Its partners now deliver the same service under unemployment-employers.", "manager"));
        round.awards.publish(manager(), ROUND);
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(round.rounds.header(ROUND).publishedSpecifications()).containsExactly("spec-cohesion", "spec-skills",
                "spec-unemployment", "spec-young-people");
        assertThat(round.notices.withPrefix(ROUND, LETTERS)).as("crime's two and housing's one wait for their letters")
                .hasSize(10);
        assertThat(round.awards.decisionFor(proposerFor("employers-forum"), ROUND, "unemployment-employers").status())
                .isEqualTo(Status.AWARDED);
        assertThatThrownBy(() -> round.awards.decisionFor(proposerFor("homes-together"), ROUND, MODERATED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not published");
        assertThat(csv()).contains("spec-housing," + MODERATED).contains(",NEEDS_MODERATION,")
                .contains(",NOT_DECIDED,");
        assertThatThrownBy(() -> round.awards.override(manager(), ROUND, new ManagerDecision("unemployment-employers",
                ManagerDecision.Decision.DECLINE, "too late", "manager"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("published");
        ScoreSheet counted = round.store.scores(ROUND).stream().filter(s -> s.proposal().equals("unemployment-pathways"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> round.panels.score(person(Role.PANEL_MEMBER, counted.member()), ROUND, counted))
                .as("a decided proposal takes no late score").isInstanceOf(ConflictException.class)
                .hasMessageContaining("has its quorum");

        // The way forward for the panel left below quorum: a member added by the sub-group, who declares and scores.
        round.rounds.addPanelMember(person(Role.SUB_GROUP, "crime"), ROUND, "spec-crime",
                new Panel.Member("c4", "Business crime adviser", "chamber", List.of()));
        assertThat(round.panels.panelCheck(ROUND, "spec-crime").stillNeeded()).isZero();
        round.panels.declare(person(Role.PANEL_MEMBER, "c4"), ROUND, "c4", List.of());
        round.panels.score(person(Role.PANEL_MEMBER, "c4"), ROUND, new ScoreSheet("c4", SHORT,
                Map.of("outcome-measures", 4, "evaluation", 4, "sustainability", 4)));
        // And the moderation arrives, confirmed by the manager.
        Moderation moderation = round.coventry.moderations().get(0);
        round.panels.moderate(person(Role.PANEL_MEMBER, moderation.by()), ROUND, moderation);
        round.panels.confirmModeration(manager(), ROUND, moderation.proposal());

        RoundOutcome published = round.awards.publish(manager(), ROUND);
        assertThat(RoundAwards.waitingSpecifications(published)).isEmpty();
        assertThat(published.proposals()).noneMatch(p -> p.status() == Status.PENDING || p.status() == Status.NOT_DECIDED
                || p.status() == Status.NEEDS_MODERATION);
        assertThat(round.rounds.header(ROUND).publishedSpecifications()).hasSize(6);
        assertThat(round.notices.withPrefix(ROUND, LETTERS)).hasSize(13);
        assertThat(round.awards.decisionFor(proposerFor("homes-together"), ROUND, MODERATED).status()).isEqualTo(Status.AWARDED);
        assertThat(round.awards.decisionFor(proposerFor("safer-streets"), ROUND, SHORT).status()).isEqualTo(Status.AWARDED);
        assertThat(round.awards.contracts(ROUND)).extracting(c -> c.proposalId()).contains(MODERATED, SHORT,
                "unemployment-employers");
        assertThat(csv()).doesNotContain("PENDING").doesNotContain("NOT_DECIDED").doesNotContain("NEEDS_MODERATION");
        List<AuditEntry> trail = round.store.trail().page(ROUND, java.util.Optional.empty(), 1000).entries();
        assertThat(trail).filteredOn(e -> e.action().equals("PANEL_MEMBER_ADDED")).singleElement()
                .satisfies(e -> assertThat(e.after()).contains("c4"));
    }

    @Test
    void aPanelMemberIsAddedByTheManagerOrItsOwnSubGroupOnlyAndNeverToAPublishedSpecification() {
        round.untilScoring(Map.of("c1", List.of(SHORT)));
        Panel.Member member = new Panel.Member("c4", "Business crime adviser", "chamber", List.of());
        assertThatThrownBy(() -> round.rounds.addPanelMember(person(Role.SUB_GROUP, "housing"), ROUND, "spec-crime", member))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> round.rounds.addPanelMember(manager(), ROUND, "spec-crime",
                new Panel.Member("h1", "twice", "chamber", List.of()))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details().toString()).contains("on a panel already"));
        round.scoredButModerations();
        round.awards.decide(manager(), ROUND);
        round.awards.publish(manager(), ROUND);
        assertThatThrownBy(() -> round.rounds.addPanelMember(manager(), ROUND, "spec-skills",
                new Panel.Member("s9", "late", "chamber", List.of()))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("published");
        assertThat(round.rounds.addPanelMember(manager(), ROUND, "spec-crime", member).members()).hasSize(4);
    }

    @Test
    void aPanelWithoutTheSeedsMixIsWarnedOfNotRefused() {
        round.untilProposing(List.of(new Panel("spec-skills", List.of(
                new Panel.Member("s1", "Council officer", "coventry-city-council", List.of()),
                new Panel.Member("s2", "Employers' forum", "employers-forum", List.of())))));
        round.propose();
        PanelCheck skills = round.panels.panelCheck(ROUND, "spec-skills");
        assertThat(skills.hasExpert()).isTrue();
        assertThat(skills.hasVoluntaryOrCommunity()).isFalse();
        assertThat(skills.warnings()).anyMatch(w -> w.contains("No voluntary or community member"));
        assertThat(round.panels.panelCheck(ROUND, "spec-housing").warnings()).isEmpty();
    }

    private String csv() {
        return new String(round.bucket.get("exports/" + ROUND + "/round-decisions/proposals.csv").orElseThrow(),
                StandardCharsets.UTF_8);
    }

    private static Status status(RoundOutcome outcome, String proposal) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(proposal)).findFirst().orElseThrow().status();
    }


}
