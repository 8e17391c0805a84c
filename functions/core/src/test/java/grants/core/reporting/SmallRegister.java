package grants.core.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A register of a few indicators, and figures written the way a test reads best. */
final class SmallRegister {

    private SmallRegister() {
    }

    static Indicator indicator(String id, String reference, String owner, Indicator.Polarity polarity,
                               Indicator.Accumulation accumulation, String target2008, String tolerance) {
        Map<String, BigDecimal> targets = new TreeMap<>();
        if (target2008 != null) {
            targets.put("2008-09", new BigDecimal(target2008));
        }
        return new Indicator(id, reference, "Indicator " + reference, "outcome-" + id, owner, polarity,
                accumulation == Indicator.Accumulation.RATIO ? Indicator.Measure.PERCENT : Indicator.Measure.COUNT,
                accumulation, 1, "units", new Indicator.Baseline(Period.parse("2007-08 Q4"), new BigDecimal("10")),
                new TreeMap<>(targets), new BigDecimal(tolerance), List.of());
    }

    static Indicator level(String target, String tolerance, Indicator.Polarity polarity) {
        return indicator("ind", "NI 1", "owner", polarity, Indicator.Accumulation.LEVEL, target, tolerance);
    }

    /** Figures of one indicator in the order given, each recorded on the day after its quarter. */
    static List<Observation> figures(String indicator, Object... periodThenFigure) {
        List<Observation> all = new ArrayList<>();
        for (int i = 0; i < periodThenFigure.length; i += 2) {
            Period period = Period.parse((String) periodThenFigure[i]);
            Object figure = periodThenFigure[i + 1];
            int sequence = (int) all.stream().filter(o -> o.period().equals(period)).count() + 1;
            all.add(new Observation(indicator, period, sequence,
                    figure instanceof Figure f ? f : Figure.of((String) figure), Observation.Finality.FINAL, "owner",
                    period.lastDay().plusDays(sequence), sequence > 1 ? Optional.of("corrected") : Optional.empty()));
        }
        return all;
    }

    static IndicatorHistory history(Indicator indicator, List<Observation> figures) {
        return new IndicatorHistory(indicator, figures, LocalDate.of(2100, 1, 1));
    }

    /** Themes a then b, an outcome per indicator under the theme given, each owner a person. */
    static Register register(List<Indicator> indicators, List<String> themeOfEach, Map<String, String> owners) {
        Register register = Register.empty("small", null).withTheme(new Theme("a", "Theme A"))
                .withTheme(new Theme("b", "Theme B"));
        for (var owner : owners.entrySet()) {
            register = register.withPerson(new Person(owner.getKey(), owner.getValue(), owner.getKey() + "@example.org",
                    Person.Kind.OWNER));
        }
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            register = register.withOutcome(new Outcome(indicator.outcome(), "Outcome", themeOfEach.get(i)))
                    .withIndicator(indicator, false);
        }
        return register;
    }
}
