package grants.core.reporting;

import grants.core.commissioning.Fraction;

import java.util.Optional;

/** One quarter of a card's chart and its table (P7): its value and year to date against target to date. */
public record ChartPoint(Period period, Optional<Fraction> value, Optional<Fraction> yearToDate,
                         Optional<Fraction> targetToDate, boolean revised, boolean provisional) {
}
