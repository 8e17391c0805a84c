package grants.core.reporting;

import grants.core.commissioning.Fraction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P3-P6 on random indicators, against a plain re-statement of the rules in decimals (ratios compared
 * by cross-multiplying, never divided), and P12: the order the figures are listed in changes nothing.
 */
class ReportingPropertiesTest {

    private static final Period YEAR_START = Period.parse("2008-09 Q1");

    /** One random indicator, its figures for 2008-09 (some quarters missing) and Q4 of the year before. */
    private record Case(Indicator indicator, Map<Period, Figure> figures, Period quarter) {

        static Case random(long seed) {
            Random random = new Random(seed);
            Indicator.Accumulation accumulation = Indicator.Accumulation.values()[random.nextInt(3)];
            Indicator.Polarity polarity = Indicator.Polarity.values()[random.nextInt(2)];
            String target = random.nextInt(10) == 0 ? null : decimal(random, 100_000, 2);
            String tolerance = decimal(random, 300, 1);
            Indicator indicator = SmallRegister.indicator("ind", "NI 1", "o", polarity, accumulation, target, tolerance);
            Map<Period, Figure> figures = new TreeMap<>();
            List<Period> quarters = new ArrayList<>(List.of(YEAR_START.previous()));
            for (int k = 1; k <= 4; k++) {
                quarters.add(YEAR_START.quarterOfYear(k));
            }
            for (Period quarter : quarters) {
                if (random.nextInt(6) > 0) {
                    figures.put(quarter, accumulation == Indicator.Accumulation.RATIO
                            ? Figure.ratio(Integer.toString(random.nextInt(1000)), Integer.toString(1 + random.nextInt(1000)))
                            : Figure.of(decimal(random, 100_000, 2)));
                }
            }
            return new Case(indicator, figures, YEAR_START.quarterOfYear(1 + random.nextInt(4)));
        }

        private static String decimal(Random random, int hundredths, int scale) {
            return BigDecimal.valueOf(random.nextInt(hundredths), scale).toPlainString();
        }

        List<Observation> observations() {
            List<Observation> all = new ArrayList<>();
            figures.forEach((period, figure) -> all.add(new Observation("ind", period, 1, figure,
                    Observation.Finality.FINAL, "o", period.lastDay().plusDays(1), Optional.empty())));
            return all;
        }
    }

    /** The year to date as numerator over denominator, in plain decimals (denominator 1 unless RATIO). */
    private static Optional<BigDecimal[]> plainYearToDate(Case c) {
        int k = c.quarter().quarter();
        if (!c.figures().containsKey(c.quarter())) {
            return Optional.empty();
        }
        if (c.indicator().accumulation() == Indicator.Accumulation.LEVEL) {
            return Optional.of(new BigDecimal[]{c.figures().get(c.quarter()).value(), BigDecimal.ONE});
        }
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        for (int q = 1; q <= k; q++) {
            Figure f = c.figures().get(YEAR_START.quarterOfYear(q));
            if (f == null) {
                return Optional.empty();
            }
            if (c.indicator().accumulation() == Indicator.Accumulation.FLOW) {
                top = top.add(f.value());
            } else {
                top = top.add(f.numerator().multiply(BigDecimal.valueOf(100)));
                bottom = bottom.add(f.denominator());
            }
        }
        return Optional.of(new BigDecimal[]{top, c.indicator().accumulation() == Indicator.Accumulation.FLOW
                ? BigDecimal.ONE : bottom});
    }

    private static Optional<BigDecimal> plainTargetToDate(Case c) {
        return c.indicator().target("2008-09").map(t -> c.indicator().accumulation() == Indicator.Accumulation.FLOW
                ? t.multiply(BigDecimal.valueOf(c.quarter().quarter())).divide(BigDecimal.valueOf(4)) : t);
    }

    private static Status plainStatus(Case c) {
        if (!c.figures().containsKey(c.quarter())) {
            return Status.NO_DATA;
        }
        Optional<BigDecimal[]> ytd = plainYearToDate(c);
        if (ytd.isEmpty()) {
            return Status.INCOMPLETE;
        }
        Optional<BigDecimal> target = plainTargetToDate(c);
        if (target.isEmpty()) {
            return Status.NO_TARGET;
        }
        BigDecimal d = ytd.get()[1];
        BigDecimal valueTimesD = ytd.get()[0];
        BigDecimal targetTimesD = target.get().multiply(d);
        BigDecimal worseTimesD = c.indicator().polarity() == Indicator.Polarity.HIGHER_IS_BETTER
                ? targetTimesD.subtract(valueTimesD) : valueTimesD.subtract(targetTimesD);
        BigDecimal allowedTimesD = c.indicator().tolerance().multiply(target.get().abs()).multiply(d).movePointLeft(2);
        return worseTimesD.signum() <= 0 ? Status.MET : worseTimesD.compareTo(allowedTimesD) <= 0 ? Status.NEAR
                : Status.NOT_MET;
    }

    @Property(tries = 300)
    void yearToDateTargetToDateAndStatusAreTheRulesAsWritten(@ForAll long seed) {
        Case c = Case.random(seed);
        IndicatorHistory history = SmallRegister.history(c.indicator(), c.observations());
        Optional<BigDecimal[]> ytd = plainYearToDate(c);
        assertThat(history.yearToDate(c.quarter()).isPresent()).isEqualTo(ytd.isPresent());
        ytd.ifPresent(parts -> assertThat(history.yearToDate(c.quarter()).orElseThrow())
                .satisfies(computed -> assertThat(Exact.times(computed, Fraction.ofDecimal(parts[1])))
                        .isEqualTo(Fraction.ofDecimal(parts[0]))));
        assertThat(history.targetToDate(c.quarter()).map(f -> Exact.shown(f, 6)))
                .isEqualTo(plainTargetToDate(c).map(t -> t.setScale(6).toPlainString()));
        assertThat(history.status(c.quarter())).isEqualTo(plainStatus(c));
    }

    @Property(tries = 300)
    void exactlyAtTheToleranceIsNearAndAThousandthBeyondIsNotMet(@ForAll @IntRange(min = 1, max = 10_000_000) int targetHundredths,
                                                                   @ForAll @IntRange(min = 0, max = 500) int toleranceTenths,
                                                                   @ForAll boolean higherIsBetter) {
        BigDecimal target = BigDecimal.valueOf(targetHundredths, 2);
        BigDecimal tolerance = BigDecimal.valueOf(toleranceTenths, 1);
        BigDecimal allowed = target.multiply(tolerance).movePointLeft(2);
        BigDecimal worseBy = higherIsBetter ? allowed.negate() : allowed;
        Indicator.Polarity polarity = higherIsBetter ? Indicator.Polarity.HIGHER_IS_BETTER : Indicator.Polarity.LOWER_IS_BETTER;
        Indicator indicator = SmallRegister.level(target.toPlainString(), tolerance.toPlainString(), polarity);
        String atEdge = target.add(worseBy).toPlainString();
        String beyond = target.add(worseBy).add(higherIsBetter ? new BigDecimal("-0.001") : new BigDecimal("0.001"))
                .toPlainString();
        Status edge = SmallRegister.history(indicator, SmallRegister.figures("ind", "2008-09 Q1", atEdge)).status(YEAR_START);
        assertThat(edge).isEqualTo(toleranceTenths == 0 ? Status.MET : Status.NEAR);
        assertThat(SmallRegister.history(indicator, SmallRegister.figures("ind", "2008-09 Q1", beyond)).status(YEAR_START))
                .isEqualTo(Status.NOT_MET);
    }

    @Property(tries = 300)
    void aRatiosYearToDateIsNeverTheAverageOfItsPercentagesWhenPartsDiffer(
            @ForAll @IntRange(min = 0, max = 1000) int n1, @ForAll @IntRange(min = 1, max = 1000) int d1,
            @ForAll @IntRange(min = 0, max = 1000) int n2, @ForAll @IntRange(min = 1, max = 1000) int d2) {
        Indicator ratio = SmallRegister.indicator("ind", "NI 192", "o", Indicator.Polarity.HIGHER_IS_BETTER,
                Indicator.Accumulation.RATIO, "30", "5");
        Fraction ytd = SmallRegister.history(ratio, SmallRegister.figures("ind", "2008-09 Q1",
                Figure.ratio(Integer.toString(n1), Integer.toString(d1)), "2008-09 Q2",
                Figure.ratio(Integer.toString(n2), Integer.toString(d2)))).yearToDate(Period.parse("2008-09 Q2")).orElseThrow();
        assertThat(ytd).isEqualTo(Fraction.of(100L * (n1 + n2), d1 + d2));
        Fraction average = Fraction.of(100L * n1, d1).plus(Fraction.of(100L * n2, d2)).dividedBy(2);
        boolean partsDiffer = d1 != d2 && (long) n1 * d2 != (long) n2 * d1;
        assertThat(ytd.equals(average)).isEqualTo(!partsDiffer);
    }

    @Property(tries = 300)
    void directionsFollowThePolarityAndSwapWhenTheQuartersDo(@ForAll long seed) {
        Case c = Case.random(seed);
        IndicatorHistory history = SmallRegister.history(c.indicator(), c.observations());
        Direction direction = history.againstPrevious(c.quarter());
        Figure now = c.figures().get(c.quarter());
        Figure before = c.figures().get(c.quarter().previous());
        if (now == null || before == null) {
            assertThat(direction).isEqualTo(Direction.NONE);
            return;
        }
        int rising = now.isRatio()
                ? now.numerator().multiply(before.denominator()).compareTo(before.numerator().multiply(now.denominator()))
                : now.value().compareTo(before.value());
        int better = c.indicator().polarity() == Indicator.Polarity.HIGHER_IS_BETTER ? rising : -rising;
        assertThat(direction).isEqualTo(better > 0 ? Direction.IMPROVED : better < 0 ? Direction.WORSENED : Direction.SAME);
    }

    @Property(tries = 200)
    void theOrderFiguresAreListedInChangesNothing(@ForAll long seed) {
        Case c = Case.random(seed);
        List<Observation> shuffled = new ArrayList<>(c.observations());
        Collections.shuffle(shuffled, new Random(seed));
        IndicatorHistory listed = SmallRegister.history(c.indicator(), c.observations());
        IndicatorHistory reordered = new IndicatorHistory(c.indicator(), shuffled, LocalDate.of(2100, 1, 1));
        for (int k = 1; k <= 4; k++) {
            Period quarter = YEAR_START.quarterOfYear(k);
            assertThat(reordered.status(quarter)).isEqualTo(listed.status(quarter));
            assertThat(reordered.yearToDate(quarter)).isEqualTo(listed.yearToDate(quarter));
            assertThat(reordered.againstPrevious(quarter)).isEqualTo(listed.againstPrevious(quarter));
        }
    }
}
