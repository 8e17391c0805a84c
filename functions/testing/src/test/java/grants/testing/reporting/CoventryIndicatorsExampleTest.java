package grants.testing.reporting;

import grants.core.commissioning.Fraction;
import grants.core.reporting.BoardPack;
import grants.core.reporting.Direction;
import grants.core.reporting.Period;
import grants.core.reporting.PublicFigure;
import grants.core.reporting.Refusal;
import grants.core.reporting.ReportCard;
import grants.core.reporting.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of performance-rules.md, played through the use cases up to the meeting of
 * 19 November 2009: every figure the spec states, as the spec states it.
 */
class CoventryIndicatorsExampleTest {

    private static final LocalDate NOVEMBER_MEETING = LocalDate.of(2009, 11, 19);
    private static final Period REVIEWED = Period.parse("2009-10 Q2");

    private static RegisterReplay replay;
    private static BoardPack pack;

    @BeforeAll
    static void play() {
        replay = RegisterReplay.play(IndicatorBook.read(IndicatorBook.COVENTRY), NOVEMBER_MEETING);
        pack = replay.service.boardPack(replay.as("board-lucy"), replay.book.registerId(), NOVEMBER_MEETING);
    }

    private static ReportCard card(String reference) {
        return pack.cards().stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
    }

    /** The spec's table: status, year to date and target to date as shown, and both directions. */
    @Test
    void everyIndicatorsStatusAndDirectionsAreTheSpecs() {
        record Row(String reference, Status status, String yearToDate, String targetToDate, Direction previous,
                   Direction lastYear) {
        }
        List<Row> table = List.of(
                new Row("NI 117", Status.MET, "7.6", "7.9", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 20", Status.MET, "4.25", "4.25", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 1", Status.MET, "76.6", "76.5", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 192", Status.MET, "32.8", "32.0", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 154", Status.NEAR, "450", "500", Direction.IMPROVED, Direction.WORSENED),
                new Row("NI 163", Status.NEAR, "68.1", "68.5", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 116", Status.NEAR, "24.1", "23.8", Direction.SAME, Direction.IMPROVED),
                new Row("NI 39", Status.NEAR, "928", "925", Direction.WORSENED, Direction.WORSENED),
                new Row("NI 195", Status.NEAR, "8.2", "8.0", Direction.IMPROVED, Direction.IMPROVED),
                new Row("NI 152", Status.NOT_MET, "15.4", "14.8", Direction.IMPROVED, Direction.WORSENED),
                new Row("NI 56", Status.NOT_MET, "19.6", "19.2", Direction.SAME, Direction.IMPROVED),
                new Row("NI 8", Status.NOT_MET, "21.1", "21.8", Direction.WORSENED, Direction.IMPROVED));
        assertThat(pack.cards()).hasSize(12);
        for (Row row : table) {
            ReportCard card = card(row.reference());
            assertThat(card.period()).isEqualTo(REVIEWED);
            assertThat(card.status()).as(row.reference()).isEqualTo(row.status());
            assertThat(card.shown(card.yearToDate().orElseThrow())).as(row.reference()).isEqualTo(row.yearToDate());
            assertThat(card.shown(card.targetToDate().orElseThrow())).as(row.reference()).isEqualTo(row.targetToDate());
            assertThat(card.againstPrevious()).as(row.reference()).isEqualTo(row.previous());
            assertThat(card.againstYearBefore()).as(row.reference()).isEqualTo(row.lastYear());
        }
        assertThat(pack.countByStatus()).isEqualTo(Map.of(Status.MET, 4, Status.NEAR, 5, Status.NOT_MET, 3));
    }

    /** The figures the spec gives exactly: the ratios are sums of parts, the boundaries exact. */
    @Test
    void theExactFiguresBehindTheRoundedOnes() {
        assertThat(card("NI 192").yearToDate()).contains(Fraction.of(100L * 24_030, 73_250));
        assertThat(card("NI 195").yearToDate()).contains(Fraction.of(100L * 49, 600));
        assertThat(card("NI 20").yearToDate()).contains(Fraction.of(425, 100)); // exactly on target: 8.50 x 2/4
        assertThat(card("NI 20").targetToDate()).contains(Fraction.of(425, 100));
        assertThat(card("NI 154").yearToDate()).contains(Fraction.of(450, 1)); // exactly 10 % worse than 500
        assertThat(card("NI 56").yearToDate().orElseThrow().minus(card("NI 56").targetToDate().orElseThrow()))
                .isEqualTo(Fraction.of(4, 10)); // 0.4 worse, more than the tolerance of 2 % of 19.2 = 0.384
    }

    @Test
    void thePackChasesTheCardsAwaitingTheirOwnerThenTheExceptionsThenTheRest() {
        assertThat(pack.awaitingOwner()).extracting(ReportCard::reference).containsExactly("NI 8", "NI 163");
        assertThat(pack.awaitingOwner()).extracting(c -> c.owner().name()).containsExactly("Claire Foster", "Sandra Mills");
        assertThat(pack.exceptions()).extracting(ReportCard::reference).containsExactly("NI 152", "NI 39", "NI 56");
        assertThat(pack.rest()).extracting(ReportCard::reference)
                .containsExactly("NI 154", "NI 116", "NI 117", "NI 20", "NI 1", "NI 192", "NI 195");
        assertThat(pack.awaitingOwner()).allMatch(c -> c.readiness() == ReportCard.Readiness.AWAITING_OWNER);
    }

    @Test
    void nI154AndNI39AreProvisionalForTheQuarter() {
        assertThat(pack.cards()).filteredOn(ReportCard::provisional).extracting(ReportCard::reference)
                .containsExactlyInAnyOrder("NI 154", "NI 39");
    }

    @Test
    void aRevisionOnTheMeetingDayIsNeitherInThePackNorPublicButPartnersSeeIt() {
        ReportCard inPack = card("NI 117");
        assertThat(inPack.shown(inPack.value().orElseThrow())).isEqualTo("7.6");
        assertThat(inPack.revised()).isFalse();
        ReportCard now = replay.service.card(replay.as("board-frank"), replay.book.registerId(), "ni-117", REVIEWED);
        assertThat(now.shown(now.value().orElseThrow())).isEqualTo("7.7");
        assertThat(now.revised()).isTrue();
        assertThat(now.revisions()).extracting(ReportCard.Revision::reason)
                .containsExactly("Late returns from the Connexions database.");
        assertThat(publicFigure("ni-117", REVIEWED).shownValue()).isEqualTo("7.6");
    }

    @Test
    void revisionsArePublishedOnlyByAMeetingThatReviewsTheirQuarter() {
        Period july = Period.parse("2009-10 Q1");
        PublicFigure recycling = publicFigure("ni-192", july);
        assertThat(recycling.shownValue()).isEqualTo("32.7"); // revised on 10 August, before its meeting
        assertThat(recycling.publishedOn()).isEqualTo(LocalDate.of(2009, 8, 20));
        PublicFigure violence = publicFigure("ni-20", july);
        assertThat(violence.value()).isEqualTo(Fraction.of(207, 100)); // revised to 2.14 on 3 September, after
        assertThat(card("NI 20").chart()).filteredOn(p -> p.period().equals(july))
                .singleElement().satisfies(point -> {
                    assertThat(point.value()).contains(Fraction.of(214, 100));
                    assertThat(point.revised()).isTrue();
                });
        assertThat(replay.service.publicFigures(replay.book.registerId()))
                .noneMatch(f -> f.indicatorId().equals("ni-56") && f.period().equals(Period.parse("2008-09 Q1")));
    }

    @Test
    void seventyOnePublicFigures() {
        assertThat(replay.service.publicFigures(replay.book.registerId())).hasSize(71);
    }

    @Test
    void nineEntriesAreRefusedEachForItsReasonAndNI163StillAwaitsItsOwner() {
        assertThat(replay.refused).hasSize(9);
        assertThat(replay.refused).extracting(RegisterReplay.Refused::reason).containsExactlyInAnyOrder(
                Refusal.NOT_OWNER, Refusal.NOT_OWNER, Refusal.REVISION_WITHOUT_REASON,
                Refusal.REVISION_WITHOUT_REASON, Refusal.BEFORE_BASELINE, Refusal.BEFORE_BASELINE,
                Refusal.QUARTER_NOT_ENDED, Refusal.NOT_NARRATIVE_OWNER, Refusal.NOT_NARRATIVE_OWNER);
        assertThat(replay.refused).filteredOn(r -> r.reason() == Refusal.NOT_OWNER)
                .extracting(RegisterReplay.Refused::by).containsExactlyInAnyOrder("board-lucy", "scrutiny-peter");
        assertThat(replay.refused).filteredOn(r -> r.reason() == Refusal.NOT_NARRATIVE_OWNER)
                .extracting(RegisterReplay.Refused::by).containsExactlyInAnyOrder("manager-joanne", "board-frank");
        assertThat(replay.refused).filteredOn(r -> r.reason() == Refusal.QUARTER_NOT_ENDED).singleElement()
                .satisfies(r -> {
                    assertThat(r.on()).isEqualTo(LocalDate.of(2009, 11, 12));
                    assertThat(r.subject()).endsWith("2009-10 Q4");
                });
        assertThat(card("NI 163").readiness()).isEqualTo(ReportCard.Readiness.AWAITING_OWNER);
    }

    private static PublicFigure publicFigure(String indicator, Period period) {
        return replay.service.publicFigures(replay.book.registerId()).stream()
                .filter(f -> f.indicatorId().equals(indicator) && f.period().equals(period)).findFirst().orElseThrow();
    }
}
