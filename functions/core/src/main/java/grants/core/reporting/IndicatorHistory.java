package grants.core.reporting;

import grants.core.commissioning.Fraction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One indicator's figures as they stood at the end of a day, and the rules computed from them:
 * the value of a quarter (P2), year to date (P3), target to date (P4), status (P5) and directions (P6).
 * Exact fractions throughout; rounding is for showing only.
 */
public final class IndicatorHistory {

    private static final Comparator<Observation> RECORDED_ORDER =
            Comparator.comparing(Observation::recordedOn).thenComparingInt(Observation::sequence);

    private final Indicator indicator;
    private final List<Observation> observations;

    /** {@code observations} of any indicators; only this one's recorded by the end of {@code asOf} count. */
    public IndicatorHistory(Indicator indicator, List<Observation> observations, LocalDate asOf) {
        this.indicator = indicator;
        this.observations = observations.stream()
                .filter(o -> o.indicator().equals(indicator.id()) && !o.recordedOn().isAfter(asOf))
                .sorted(RECORDED_ORDER).toList();
    }

    public Indicator indicator() {
        return indicator;
    }

    /** P2: the latest accepted figure of the quarter, by the day recorded then the order recorded. */
    public Optional<Observation> latest(Period period) {
        List<Observation> all = of(period);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every accepted figure of the quarter, in the order recorded: more than one means revised. */
    public List<Observation> of(Period period) {
        return observations.stream().filter(o -> o.period().equals(period)).toList();
    }

    public boolean revised(Period period) {
        return of(period).size() > 1;
    }

    public boolean provisional(Period period) {
        return latest(period).map(Observation::isProvisional).orElse(false);
    }

    /** The quarter's own value (for RATIO its own numerator over denominator, x 100). */
    public Optional<Fraction> value(Period period) {
        return latest(period).map(o -> o.figure().amount());
    }

    /** P3; empty when the quarter has no value, or (FLOW, RATIO) when a quarter of the year to it is missing. */
    public Optional<Fraction> yearToDate(Period period) {
        if (latest(period).isEmpty()) {
            return Optional.empty();
        }
        List<Optional<Observation>> quarters = java.util.stream.IntStream.rangeClosed(1, period.quarter())
                .mapToObj(k -> latest(period.quarterOfYear(k))).toList();
        if (indicator.accumulation() == Indicator.Accumulation.LEVEL) {
            return value(period);
        }
        if (quarters.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<Figure> figures = quarters.stream().map(o -> o.orElseThrow().figure()).toList();
        if (indicator.accumulation() == Indicator.Accumulation.FLOW) {
            return Optional.of(figures.stream().map(f -> Exact.of(f.value())).reduce(Fraction.ZERO, Fraction::plus));
        }
        Fraction numerators = figures.stream().map(f -> Exact.of(f.numerator())).reduce(Fraction.ZERO, Fraction::plus);
        Fraction denominators = figures.stream().map(f -> Exact.of(f.denominator())).reduce(Fraction.ZERO, Fraction::plus);
        return Optional.of(Exact.percent(numerators, denominators));
    }

    /** P4: FLOW the year's target x k / 4; LEVEL and RATIO the year's target; empty when the year has none. */
    public Optional<Fraction> targetToDate(Period period) {
        return indicator.target(period.year()).map(Exact::of).map(target ->
                indicator.accumulation() == Indicator.Accumulation.FLOW
                        ? Exact.times(target, Fraction.of(period.quarter(), 4)) : target);
    }

    /** P5: the first of NO_DATA, INCOMPLETE, NO_TARGET that applies; otherwise MET, NEAR or NOT_MET. */
    public Status status(Period period) {
        if (latest(period).isEmpty()) {
            return Status.NO_DATA;
        }
        Optional<Fraction> yearToDate = yearToDate(period);
        if (yearToDate.isEmpty()) {
            return Status.INCOMPLETE;
        }
        Optional<Fraction> target = targetToDate(period);
        if (target.isEmpty()) {
            return Status.NO_TARGET;
        }
        Fraction shortBy = worseBy(yearToDate.get(), target.get());
        if (shortBy.compareTo(Fraction.ZERO) <= 0) {
            return Status.MET;
        }
        Fraction tolerance = Exact.times(Exact.abs(target.get()),
                Exact.times(Exact.of(indicator.tolerance()), Fraction.of(1, 100)));
        return shortBy.compareTo(tolerance) <= 0 ? Status.NEAR : Status.NOT_MET;
    }

    /** P6 against the previous quarter (that of Q1 is Q4 of the year before). */
    public Direction againstPrevious(Period period) {
        return direction(period, period.previous());
    }

    /** P6 against the same quarter a year before. */
    public Direction againstYearBefore(Period period) {
        return direction(period, period.yearBefore());
    }

    private Direction direction(Period period, Period other) {
        Optional<Fraction> now = value(period);
        Optional<Fraction> then = value(other);
        if (now.isEmpty() || then.isEmpty()) {
            return Direction.NONE;
        }
        int better = worseBy(now.get(), then.get()).compareTo(Fraction.ZERO);
        return better < 0 ? Direction.IMPROVED : better > 0 ? Direction.WORSENED : Direction.SAME;
    }

    /** How far {@code value} is worse than {@code reference} by the polarity: negative when better. */
    private Fraction worseBy(Fraction value, Fraction reference) {
        return indicator.polarity() == Indicator.Polarity.HIGHER_IS_BETTER ? reference.minus(value)
                : value.minus(reference);
    }
}
