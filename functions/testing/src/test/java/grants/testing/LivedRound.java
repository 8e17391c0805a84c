package grants.testing;

import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Round;
import grants.core.commissioning.ScoreSheet;
import grants.core.rounds.RoundAwards;
import grants.core.rounds.RoundLetters;
import grants.core.rounds.RoundPanels;
import grants.core.rounds.RoundService;
import grants.documents.exports.RoundExportBundle;

import java.time.Instant;
import java.time.LocalDate;

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
    final RoundAwards awards = new RoundAwards(store, rounds, new RoundExportBundle(), new InMemoryBucket(), letters, clock);

    /** Set up, voted, specified, panels named, and the call published closing 2002-06-30. */
    void untilProposing() {
        rounds.setUp(manager(), coventry.setup());
        coventry.ballots().forEach(b -> rounds.vote(person(Role.BOARD_MEMBER, b.voter()), ROUND, b));
        rounds.closeVoting(ROUND);
        coventry.specifications().forEach(s -> rounds.specify(person(Role.SUB_GROUP, s.issue()), ROUND, s));
        coventry.panels().forEach(p -> rounds.namePanel(manager(), ROUND, p));
        rounds.publish(ROUND, LocalDate.of(2002, 6, 30));
    }

    /** Every proposal sent, proposals closed on 1 July, and every member's interests declared. */
    void untilScoring() {
        untilProposing();
        coventry.proposals().forEach(p -> panels.propose(proposerFor(p.lead()), ROUND, p));
        clock.set(Instant.parse("2002-07-01T09:00:00Z"));
        rounds.closeProposals(ROUND);
        for (Panel panel : coventry.panels()) {
            panel.members().forEach(m -> panels.declare(person(Role.PANEL_MEMBER, m.id()), ROUND, m.id(), m.interests()));
        }
    }

    /** Every score sent (a conflicted one refused and counted as excluded), every moderation recorded and confirmed. */
    void scored() {
        for (ScoreSheet sheet : coventry.scores()) {
            try {
                panels.score(person(Role.PANEL_MEMBER, sheet.member()), ROUND, sheet);
            } catch (ForbiddenException conflicted) {
                // refused as the rules say, and counted as excluded
            }
        }
        for (Moderation moderation : coventry.moderations()) {
            panels.moderate(person(Role.PANEL_MEMBER, moderation.by()), ROUND, moderation);
            panels.confirmModeration(manager(), ROUND, moderation.proposal());
        }
    }
}
