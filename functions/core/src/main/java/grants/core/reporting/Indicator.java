package grants.core.reporting;

import grants.core.errors.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One indicator of the register: what it measures (a reference such as {@code NI 152}), which way is
 * better, how its quarters add up over a year (P3), its baseline, a target for each financial year
 * ({@code 2008-09}), the tolerance (percent of the target) within which it is {@code NEAR}, its owner
 * and the monitored agreements whose outputs feed it.
 */
public record Indicator(String id, String reference, String title, String outcome, String owner, Polarity polarity,
                        Measure measure, Accumulation accumulation, int decimals, String unit, Baseline baseline,
                        SortedMap<String, BigDecimal> targets, BigDecimal tolerance, List<String> contributions) {

    public enum Polarity { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    public enum Measure { COUNT, PERCENT, RATE }

    /** P3: {@code FLOW} quarters add up, {@code LEVEL} is the latest, {@code RATIO} sums both parts. */
    public enum Accumulation { FLOW, LEVEL, RATIO }

    /** The value an indicator starts from: not a quarter's value (P6). */
    public record Baseline(Period period, BigDecimal value) {
    }

    static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    public Indicator {
        targets = new TreeMap<>(targets);
        contributions = List.copyOf(contributions);
    }

    public Optional<BigDecimal> target(String year) {
        return Optional.ofNullable(targets.get(year));
    }

    /** What is wrong with it that needs no look-up (unknown outcomes and owners are the register's to check). */
    public List<Problem> problems(String field) {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem(field + ".id", "must be 1 to 64 of a-z 0-9 -"));
        }
        for (Map.Entry<String, String> text : Map.of("reference", nonNull(reference), "title", nonNull(title),
                "unit", nonNull(unit), "outcome", nonNull(outcome), "owner", nonNull(owner)).entrySet()) {
            if (text.getValue().isBlank()) {
                problems.add(new Problem(field + "." + text.getKey(), "is required"));
            }
        }
        if (polarity == null || measure == null || accumulation == null) {
            problems.add(new Problem(field + (polarity == null ? ".polarity" : measure == null ? ".measure"
                    : ".accumulation"), "is required"));
        }
        if (decimals < 0 || decimals > 3) {
            problems.add(new Problem(field + ".decimals", "must be 0 to 3"));
        }
        if (tolerance == null || tolerance.signum() < 0) {
            problems.add(new Problem(field + ".tolerance", "must be a decimal of at least 0"));
        }
        if (baseline == null || baseline.period() == null || baseline.value() == null) {
            problems.add(new Problem(field + ".baseline", "needs a period and a value"));
        }
        return problems;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
