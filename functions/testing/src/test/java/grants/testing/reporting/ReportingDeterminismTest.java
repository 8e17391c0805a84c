package grants.testing.reporting;

import grants.core.reporting.BoardPack;
import grants.core.reporting.ReportCard;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P12: the same register in any order of its lists (but its themes, and the actuals of one quarter
 * of one indicator) gives the same pack, cards, public figures and refusals.
 */
class ReportingDeterminismTest {

    private static final LocalDate MEETING = LocalDate.of(2009, 11, 19);

    @Test
    void shuffledListsGiveTheSameResults() {
        Outcome expected = outcome(IndicatorBook.read(IndicatorBook.COVENTRY));
        Random random = new Random(20091119);
        for (int round = 0; round < 3; round++) {
            assertThat(outcome(IndicatorBook.shuffled(IndicatorBook.COVENTRY, random))).as("shuffle " + round)
                    .isEqualTo(expected);
        }
    }

    /** What a replay gives, with what depends on nothing but the document. */
    private record Outcome(List<String> order, List<ReportCard> cards, List<?> publicFigures, List<String> refused) {
    }

    private static Outcome outcome(IndicatorBook book) {
        RegisterReplay replay = RegisterReplay.play(book, MEETING);
        BoardPack pack = replay.service.boardPack(replay.manager(), book.registerId(), MEETING);
        return new Outcome(pack.cards().stream().map(ReportCard::indicatorId).toList(),
                pack.cards().stream().sorted(java.util.Comparator.comparing(ReportCard::indicatorId)).toList(),
                replay.service.publicFigures(book.registerId()),
                replay.refused.stream().map(Object::toString).sorted().toList());
    }
}
