package grants.testing.governance;

import grants.documents.governance.GovernanceBook;
import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.governance.BoardPapers;
import grants.core.governance.Decision;
import grants.core.governance.Minutes;
import grants.core.governance.PackSection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The papers of the Coventry example's board meeting of 18 February 2010 (the spec's worked example):
 * the pack's governance section in words as at 17 February, escalated action first, and the minutes
 * with the exceptions decided and not and each decision's quorum.
 */
class BoardPapersTest {

    private static GovernanceReplay replay;
    private static BoardPapers papers;

    @BeforeAll
    static void replay() {
        GovernanceBook book = GovernanceReplay.coventry();
        replay = GovernanceReplay.play(book, GovernanceReplay.packs(book, CoventryGovernanceExampleTest.EXCEPTIONS));
        papers = new BoardPapers(replay.store, GovernanceReplay.packs(book, CoventryGovernanceExampleTest.EXCEPTIONS),
                book.registerId());
    }

    @Test
    void theFebruaryPacksSectionSaysEachActionsStandingInWordsTheEscalatedOneFirst() {
        PackSection section = papers.packSection(replay.clerk, LocalDate.of(2010, 2, 18));

        assertThat(section.asAt()).isEqualTo(LocalDate.of(2010, 2, 17));
        assertThat(section.previousBoardMeeting()).contains(LocalDate.of(2009, 11, 19));
        PackSection.Item escalated = section.actions().get(0);
        assertThat(escalated.id()).isEqualTo("clpsb-2009-11-19-01");
        assertThat(escalated.escalatedOn()).contains(LocalDate.of(2010, 2, 15));
        assertThat(escalated.who()).isEqualTo("owner-sandra");
        // 20 working days from 18 January to 12 February, then 15, 16 and 17 February.
        assertThat(escalated.words()).isEqualTo("Due 15 January 2010, 23 working days overdue, in progress");
        assertThat(section.actions().get(1).words())
                .isEqualTo("Due 29 January 2010, 13 working days overdue, in progress");
        assertThat(section.actions().get(1).escalatedOn()).as("escalated on 3 March, after the pack").isEmpty();
        assertThat(section.actions()).extracting(PackSection.Item::id).containsExactly("clpsb-2009-11-19-01",
                "tg-safer-2009-12-03-01", "tg-jobs-2009-12-08-01", "clpsb-2009-11-19-03-a1",
                "tg-safer-2009-12-03-02-a1", "clpsb-2009-11-19-02");
        assertThat(section.actions().get(5).words()).isEqualTo("Due 8 January 2010, completed on 13 January 2010,"
                + " 3 working days late");
        assertThat(section.recommendations()).extracting(PackSection.Item::id).containsExactly(
                "scrutiny-panel-2010-01-20-02", "clpsb-2009-11-19-03", "tg-safer-2009-12-03-02", "clpsb-2009-11-19-04");
        assertThat(section.recommendations().get(0).words()).isEqualTo("Answer due 17 March 2010");
        assertThat(section.recommendations().get(0).position()).isEqualTo(7);
    }

    @Test
    void theFebruaryMinutesListTheExceptionsDecidedAndNotThenEachDecisionWithItsQuorum() {
        Minutes minutes = papers.minutes(replay.clerk, "clpsb", LocalDate.of(2010, 2, 18));

        assertThat(minutes.exceptions()).get().satisfies(e -> {
            assertThat(e.decided()).isEqualTo(3);
            assertThat(e.undecided()).containsExactly("ni-56", "ni-8");
        });
        assertThat(minutes.decisions()).extracting(Decision::id).startsWith("clpsb-2010-02-18-01");
        Decision stokeAldermoor = minutes.decisions().stream().filter(d -> d.id().equals("clpsb-2010-02-18-04"))
                .findFirst().orElseThrow();
        assertThat(stokeAldermoor.quorum().voting()).hasSize(5);
        assertThat(stokeAldermoor.quorum().undeclared()).containsExactly("board-susan");
        assertThat(stokeAldermoor.quorum().quorateMembers()).isEqualTo(4);
        assertThat(papers.minutes(replay.clerk, "tg-safer", LocalDate.of(2009, 12, 3)).exceptions())
                .as("a theme group's meeting has no pack").isEqualTo(Optional.empty());
    }

    @Test
    void thePublicReadsNoMeetingsPapers() {
        assertThatThrownBy(() -> papers.minutes(Actor.ANONYMOUS, "clpsb", LocalDate.of(2010, 2, 18)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> papers.packSection(Actor.ANONYMOUS, LocalDate.of(2010, 2, 18)))
                .isInstanceOf(ForbiddenException.class);
    }
}
