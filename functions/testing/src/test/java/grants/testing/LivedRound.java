package grants.testing;

import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.ScoreSheet;
import grants.core.rounds.RoundAwards;
import grants.core.rounds.RoundLetters;
import grants.core.rounds.RoundPanels;
import grants.core.rounds.RoundService;
import grants.documents.exports.RoundExportBundle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;

/** The Coventry round on the fakes, lived through the use cases up to the stage a test needs. */
final class LivedRound {

    static final String ROUND = "coventry-commissioning-2002";

    final Round coventry = TestRounds.coventry();
    final SettableClock clock = new SettableClock(Instant.parse("2002-05-01T09:00:00Z"));
    final InMemoryRoundStore store = new InMemoryRoundStore();
    final InMemoryNoticeStore notices = new InMemoryNoticeStore();
    final RoundLetters letters = new RoundLetters(notices, notices, clock);
    final RoundService rounds = new RoundService(store, letters, clock);
    final RoundPanels panels = new RoundPanels(store, rounds, clock);
    final InMemoryBucket bucket = new InMemoryBucket();
    final RoundAwards awards = new RoundAwards(store, rounds, new RoundExportBundle(), bucket, letters, clock);

    /** Set up as recorded, every ballot cast, and voting closed. */
    void untilSpecifying() {
        untilSpecifying(coventry.setup());
    }

    /** Set up with {@code setup}, every ballot cast, and voting closed. */
    void untilSpecifying(RoundSetup setup) {
        rounds.setUp(manager(), setup);
        coventry.ballots().forEach(b -> rounds.vote(person(Role.BOARD_MEMBER, b.voter()), ROUND, b));
        rounds.closeVoting(manager(), ROUND);
    }

    /** Set up, voted, specified, panels named, and the call published closing 2002-06-30. */
    void untilProposing() {
        untilProposing(List.of());
    }

    /** As {@link #untilProposing()}, with each panel in {@code replacing} named instead of the recorded one for its specification. */
    void untilProposing(List<Panel> replacing) {
        untilSpecifying();
        specifyAndPublish(replacing);
    }

    /** Every specification written, the recorded panels named, the call published closing 2002-06-30. */
    void specifyAndPublish() {
        specifyAndPublish(List.of());
    }

    /** Every specification written, the panels named (those in {@code replacing} instead of the recorded ones), the call published closing 2002-06-30. */
    void specifyAndPublish(List<Panel> replacing) {
        coventry.specifications().forEach(s -> rounds.specify(person(Role.SUB_GROUP, s.issue()), ROUND, s));
        coventry.panels().forEach(p -> rounds.namePanel(manager(), ROUND, replacing.stream()
                .filter(r -> r.specification().equals(p.specification())).findFirst().orElse(p)));
        rounds.publish(manager(), ROUND, LocalDate.of(2002, 6, 30));
    }

    /** Every recorded proposal sent by its lead. */
    void propose() {
        coventry.proposals().forEach(p -> panels.propose(proposerFor(p.lead()), ROUND, p));
    }

    /** Every proposal sent, proposals closed on 1 July, and every member's interests declared. */
    void untilScoring() {
        untilScoring(Map.of());
    }

    /** As {@link #untilScoring()}, but a member named in {@code declaring} declares those interests instead of the recorded ones. */
    void untilScoring(Map<String, List<String>> declaring) {
        untilProposing();
        propose();
        clock.set(Instant.parse("2002-07-01T09:00:00Z"));
        rounds.closeProposals(manager(), ROUND);
        for (Panel panel : coventry.panels()) {
            panel.members().forEach(m -> panels.declare(person(Role.PANEL_MEMBER, m.id()), ROUND, m.id(),
                    declaring.getOrDefault(m.id(), m.interests())));
        }
    }

    /** Every score sent (a conflicted one refused and counted as excluded), every moderation recorded and confirmed. */
    void scored() {
        scoredButModerations();
        for (Moderation moderation : coventry.moderations()) {
            panels.moderate(person(Role.PANEL_MEMBER, moderation.by()), ROUND, moderation);
            panels.confirmModeration(manager(), ROUND, moderation.proposal());
        }
    }

    /** Every score sent (a conflicted one refused and counted as excluded), and no moderation yet. */
    void scoredButModerations() {
        for (ScoreSheet sheet : coventry.scores()) {
            try {
                panels.score(person(Role.PANEL_MEMBER, sheet.member()), ROUND, sheet);
            } catch (ForbiddenException conflicted) {
                // refused as the rules say, and counted as excluded
            }
        }
    }
}
