package grants.core.reporting;

import grants.core.commissioning.Fraction;
import grants.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.reporting.Indicator.Accumulation.FLOW;
import static grants.core.reporting.Indicator.Accumulation.LEVEL;
import static grants.core.reporting.Indicator.Accumulation.RATIO;
import static grants.core.reporting.Indicator.Polarity.HIGHER_IS_BETTER;
import static grants.core.reporting.Indicator.Polarity.LOWER_IS_BETTER;
import static grants.core.reporting.SmallRegister.figures;
import static grants.core.reporting.SmallRegister.history;
import static grants.core.reporting.SmallRegister.indicator;
import static grants.core.reporting.SmallRegister.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The performance rules (P1-P9), one a person would notice each. */
class ReportingRulesTest {

    private static final Period Q1 = Period.parse("2008-09 Q1");
    private static final Period Q2 = Period.parse("2008-09 Q2");

    @Test
    void p1QuartersOfTheFinancialYearAndTheQuarterBeforeQ1IsQ4OfTheYearBefore() {
        assertThat(Q1.firstDay()).isEqualTo(LocalDate.of(2008, 4, 1));
        assertThat(Q1.lastDay()).isEqualTo(LocalDate.of(2008, 6, 30));
        assertThat(Period.parse("2008-09 Q4").firstDay()).isEqualTo(LocalDate.of(2009, 1, 1));
        assertThat(Period.parse("2008-09 Q4").lastDay()).isEqualTo(LocalDate.of(2009, 3, 31));
        assertThat(Q1.previous()).isEqualTo(Period.parse("2007-08 Q4"));
        assertThat(Q1.yearBefore()).hasToString("2007-08 Q1");
        assertThat(Q1.endedBefore(LocalDate.of(2008, 6, 30))).as("a quarter ends at the end of its last day").isFalse();
        assertThat(Q1.endedBefore(LocalDate.of(2008, 7, 1))).isTrue();
    }

    @Test
    void p1AQuarterWrittenWronglyIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Period.parse("2008-10 Q1", "actuals[3].period")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actuals[3].period").hasMessageContaining("follow on");
        assertThatThrownBy(() -> Period.parse("2008-09 Q5", "period")).hasMessageContaining("such as 2008-09 Q1");
        assertThatThrownBy(() -> Period.parse("2008/09 Q1", "period")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void p2TheLatestFigureOfAQuarterCountsAndItIsMarkedRevised() {
        IndicatorHistory h = history(level("10", "0", HIGHER_IS_BETTER), figures("ind", "2008-09 Q1", "8",
                "2008-09 Q1", "11"));
        assertThat(h.value(Q1)).contains(Fraction.of(11, 1));
        assertThat(h.revised(Q1)).isTrue();
        assertThat(h.status(Q1)).isEqualTo(Status.MET);
    }

    @Test
    void p2FiguresAreRoundedOnlyWhenShownNeverBeforeComparing() {
        // 14.84 shows as 14.8, the target, yet it is worse than 14.8: not met with no tolerance
        IndicatorHistory h = history(level("14.8", "0", LOWER_IS_BETTER), figures("ind", "2008-09 Q1", "14.84"));
        assertThat(Exact.shown(h.yearToDate(Q1).orElseThrow(), 1)).isEqualTo("14.8");
        assertThat(h.status(Q1)).isEqualTo(Status.NOT_MET);
        assertThat(Exact.shown(Fraction.of(2345, 1000), 2)).isEqualTo("2.35");
        assertThat(Exact.shown(Fraction.of(-2345, 1000), 2)).as("half away from zero").isEqualTo("-2.35");
    }

    @Test
    void p3FlowAddsTheQuartersLevelTakesTheLatestAndRatioAddsBothPartsNeverThePercentages() {
        List<Observation> flows = figures("ind", "2008-09 Q1", "120", "2008-09 Q2", "80");
        assertThat(history(indicator("ind", "NI 1", "o", HIGHER_IS_BETTER, FLOW, "1000", "0"), flows).yearToDate(Q2))
                .contains(Fraction.of(200, 1));
        assertThat(history(indicator("ind", "NI 1", "o", HIGHER_IS_BETTER, LEVEL, "1000", "0"), flows).yearToDate(Q2))
                .contains(Fraction.of(80, 1));
        List<Observation> parts = figures("ind", "2008-09 Q1", Figure.ratio("1", "2"), "2008-09 Q2", Figure.ratio("99", "100"));
        // (1 + 99) / (2 + 100) = 98.04 %, where the average of 50 % and 99 % would be 74.5 %
        assertThat(history(indicator("ind", "NI 1", "o", HIGHER_IS_BETTER, RATIO, "90", "0"), parts).yearToDate(Q2))
                .contains(Fraction.of(10_000, 102));
    }

    @Test
    void p3AFlowWithAQuarterMissingIsIncompleteButItsTargetToDateIsShown() {
        IndicatorHistory h = history(indicator("ind", "NI 1", "o", HIGHER_IS_BETTER, FLOW, "1000", "5"),
                figures("ind", "2008-09 Q2", "300"));
        assertThat(h.yearToDate(Q2)).isEmpty();
        assertThat(h.status(Q2)).isEqualTo(Status.INCOMPLETE);
        assertThat(h.targetToDate(Q2)).contains(Fraction.of(500, 1));
    }

    @Test
    void p4AFlowsTargetToDateIsTheYearsTargetTimesQuartersOverFour() {
        Indicator flow = indicator("ind", "NI 20", "o", LOWER_IS_BETTER, FLOW, "8.50", "5");
        assertThat(history(flow, List.of()).targetToDate(Q2)).contains(Fraction.of(425, 100));
        assertThat(history(flow, List.of()).targetToDate(Period.parse("2008-09 Q3"))).contains(Fraction.of(6375, 1000));
        assertThat(history(level("67.0", "2", HIGHER_IS_BETTER), List.of()).targetToDate(Q2)).contains(Fraction.of(67, 1));
    }

    @Test
    void p5ExactlyAtTheToleranceIsNearAndJustBeyondItIsNotMet() {
        Indicator homes = indicator("ind", "NI 154", "o", HIGHER_IS_BETTER, FLOW, "1000", "10");
        assertThat(history(homes, figures("ind", "2008-09 Q1", "200", "2008-09 Q2", "250")).status(Q2))
                .as("450 against 500: exactly 10 % worse").isEqualTo(Status.NEAR);
        assertThat(history(homes, figures("ind", "2008-09 Q1", "200", "2008-09 Q2", "249.99")).status(Q2))
                .isEqualTo(Status.NOT_MET);
        assertThat(history(homes, figures("ind", "2008-09 Q1", "250", "2008-09 Q2", "250")).status(Q2))
                .as("exactly on target").isEqualTo(Status.MET);
    }

    @Test
    void p5NoFigureNoTargetAndTheToleranceOfANegativeTarget() {
        assertThat(history(level("10", "5", HIGHER_IS_BETTER), List.of()).status(Q1)).isEqualTo(Status.NO_DATA);
        assertThat(history(level(null, "5", HIGHER_IS_BETTER), figures("ind", "2008-09 Q1", "3")).status(Q1))
                .isEqualTo(Status.NO_TARGET);
        // a target of -20 (a fall) with 10 %: -18 is 2 worse, within 10 % of |-20|
        assertThat(history(level("-20", "10", LOWER_IS_BETTER), figures("ind", "2008-09 Q1", "-18")).status(Q1))
                .isEqualTo(Status.NEAR);
    }

    @Test
    void p6DirectionsFollowThePolarityAndTheBaselineIsNotAQuarter() {
        List<Observation> rising = figures("ind", "2008-09 Q1", "10", "2008-09 Q2", "12");
        assertThat(history(level("10", "0", HIGHER_IS_BETTER), rising).againstPrevious(Q2)).isEqualTo(Direction.IMPROVED);
        assertThat(history(level("10", "0", LOWER_IS_BETTER), rising).againstPrevious(Q2)).isEqualTo(Direction.WORSENED);
        assertThat(history(level("10", "0", LOWER_IS_BETTER), rising).againstYearBefore(Q2)).isEqualTo(Direction.NONE);
        assertThat(history(level("10", "0", LOWER_IS_BETTER), rising).againstPrevious(Q1))
                .as("2007-08 Q4 is the baseline's quarter, but the baseline is not a value").isEqualTo(Direction.NONE);
        assertThat(history(level("10", "0", LOWER_IS_BETTER), figures("ind", "2008-09 Q1", "12.0", "2008-09 Q2", "12"))
                .againstPrevious(Q2)).isEqualTo(Direction.SAME);
        assertThat(Direction.IMPROVED.words("the previous quarter")).isEqualTo("better than the previous quarter");
    }

    @Test
    void p6ARatiosDirectionIsOfTheQuartersOwnParts() {
        IndicatorHistory h = history(indicator("ind", "NI 192", "o", HIGHER_IS_BETTER, RATIO, "30", "0"),
                figures("ind", "2008-09 Q1", Figure.ratio("30", "100"), "2008-09 Q2", Figure.ratio("31", "100")));
        assertThat(h.againstPrevious(Q2)).isEqualTo(Direction.IMPROVED);
        assertThat(h.value(Q2)).contains(Fraction.of(31, 1));
    }

    @Test
    void p7ACardIsReadyOnlyOnceItsOwnersNarrativeIsWrittenByTheDayItStandsAt() {
        Indicator a = indicator("ind-a", "NI 1", "owner-a", HIGHER_IS_BETTER, LEVEL, "10", "5");
        Register register = SmallRegister.register(List.of(a), List.of("a"), Map.of("owner-a", "Ann"));
        List<Observation> figures = figures("ind-a", "2008-09 Q1", "9", "2008-09 Q2", "11", "2008-09 Q2", "12");
        Narrative story = new Narrative("ind-a", Q2, "Done well", "More", "owner-a", LocalDate.of(2008, 10, 20));
        ReportCard before = ReportCards.card(register, a, Q2, figures, List.of(story), List.of(), LocalDate.of(2008, 10, 19));
        ReportCard after = ReportCards.card(register, a, Q2, figures, List.of(story), List.of(), LocalDate.of(2008, 10, 20));
        assertThat(before.readiness()).isEqualTo(ReportCard.Readiness.AWAITING_OWNER);
        assertThat(after.readiness()).isEqualTo(ReportCard.Readiness.READY);
        assertThat(after.chart()).hasSize(8).first().extracting(ChartPoint::period).isEqualTo(Period.parse("2006-07 Q3"));
        assertThat(after.chart().get(7)).satisfies(p -> {
            assertThat(p.period()).isEqualTo(Q2);
            assertThat(p.revised()).isTrue();
            assertThat(p.targetToDate()).contains(Fraction.of(10, 1));
        });
        assertThat(after.revisions()).extracting(ReportCard.Revision::reason).containsExactly("corrected");
        assertThat(after.againstPreviousInWords()).isEqualTo("better than the previous quarter");
        assertThat(after.owner().name()).isEqualTo("Ann");
    }

    @Test
    void p8ThePackChasesAwaitingCardsByOwnerThenExceptionsThenTheRestByThemeAndNaturalReference() {
        Indicator ni20 = indicator("ni-20", "NI 20", "owner-z", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Indicator ni8 = indicator("ni-8", "NI 8", "owner-z", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Indicator ni3 = indicator("ni-3", "NI 3", "owner-z", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Indicator worse = indicator("ni-99", "NI 99", "owner-z", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Indicator awaitingAnn = indicator("ni-50", "NI 50", "owner-a", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Indicator awaitingZed = indicator("ni-40", "NI 40", "owner-z", HIGHER_IS_BETTER, LEVEL, "10", "0");
        Register register = SmallRegister.register(List.of(ni20, ni8, ni3, worse, awaitingAnn, awaitingZed),
                List.of("a", "a", "b", "b", "b", "a"), Map.of("owner-a", "Ann Able", "owner-z", "Zed Zee"));
        Meeting meeting = new Meeting(LocalDate.of(2008, 11, 20), Q2);
        List<Observation> all = new java.util.ArrayList<>();
        for (Indicator i : List.of(ni20, ni8, ni3, awaitingAnn, awaitingZed)) {
            all.addAll(figures(i.id(), "2008-09 Q1", "10", "2008-09 Q2", "12"));
        }
        all.addAll(figures("ni-99", "2008-09 Q1", "15", "2008-09 Q2", "12")); // met, but worse than the quarter before
        all.add(new Observation("ni-8", Q2, 2, Figure.of("1"), Observation.Finality.FINAL, "owner-z",
                meeting.date(), Optional.of("too late for the pack")));
        List<Narrative> stories = java.util.stream.Stream.of(ni20, ni8, ni3, worse)
                .map(i -> new Narrative(i.id(), Q2, "a", "b", "owner-z", LocalDate.of(2008, 10, 30))).toList();
        List<ReportCard> cards = register.indicators().stream().map(i -> ReportCards.card(register, i, Q2, all, stories,
                List.of(), meeting.figuresAsOf())).toList();
        BoardPack pack = BoardPack.of(register, meeting, cards);
        assertThat(pack.awaitingOwner()).extracting(ReportCard::reference).containsExactly("NI 50", "NI 40");
        assertThat(pack.exceptions()).extracting(ReportCard::reference).containsExactly("NI 99");
        assertThat(pack.rest()).extracting(ReportCard::reference).containsExactly("NI 8", "NI 20", "NI 3");
        assertThat(pack.cards()).filteredOn(c -> c.reference().equals("NI 8")).singleElement()
                .satisfies(c -> assertThat(c.status()).as("a figure of the meeting day is not in it").isEqualTo(Status.MET));
        assertThat(pack.countByStatus()).isEqualTo(Map.of(Status.MET, 6));
    }

    @Test
    void p9AReReviewThatChangesNothingMovesNothingAndOneThatDoesRepublishes() {
        Indicator a = indicator("ind-a", "NI 1", "owner-a", HIGHER_IS_BETTER, LEVEL, "10", "5");
        Register register = SmallRegister.register(List.of(a), List.of("a"), Map.of("owner-a", "Ann"))
                .withMeeting(new Meeting(LocalDate.of(2008, 8, 21), Q1))
                .withMeeting(new Meeting(LocalDate.of(2008, 9, 18), Q1))
                .withMeeting(new Meeting(LocalDate.of(2008, 10, 16), Q1));
        List<Observation> figures = List.of(
                new Observation("ind-a", Q1, 1, Figure.of("9"), Observation.Finality.PROVISIONAL, "owner-a",
                        LocalDate.of(2008, 7, 10), Optional.empty()),
                new Observation("ind-a", Q1, 2, Figure.of("9.0"), Observation.Finality.FINAL, "owner-a",
                        LocalDate.of(2008, 9, 1), Optional.of("final")),
                new Observation("ind-a", Q1, 3, Figure.of("9.5"), Observation.Finality.FINAL, "owner-a",
                        LocalDate.of(2008, 10, 1), Optional.of("late data")));
        assertThat(Publication.figures(register, figures, LocalDate.of(2008, 9, 30))).singleElement()
                .extracting(PublicFigure::publishedOn).isEqualTo(LocalDate.of(2008, 8, 21));
        assertThat(Publication.figures(register, figures, LocalDate.of(2008, 10, 16))).singleElement().satisfies(f -> {
            assertThat(f.publishedOn()).isEqualTo(LocalDate.of(2008, 10, 16));
            assertThat(f.shownValue()).isEqualTo("9.5");
        });
        assertThat(Publication.figures(register, figures, LocalDate.of(2008, 8, 20))).isEmpty();
    }

    @Test
    void referencesAreInNaturalOrder() {
        assertThat(java.util.stream.Stream.of("NI 20", "NI 8", "NI 152", "NI 1", "LAA 2").sorted(NaturalOrder.INSTANCE))
                .containsExactly("LAA 2", "NI 1", "NI 8", "NI 20", "NI 152");
    }

    @Test
    void aRatioFigureNeedsBothPartsAndANonZeroDenominator() {
        assertThat(new Figure(null, new java.math.BigDecimal("3"), java.math.BigDecimal.ZERO).problems(RATIO))
                .extracting(grants.core.errors.Problem::field).containsExactly("denominator");
        assertThat(Figure.of("3").problems(RATIO)).extracting(grants.core.errors.Problem::field)
                .containsExactly("value", "numerator", "denominator");
    }
}
