package grants.core.reporting;

import grants.core.commissioning.Fraction;
import grants.core.errors.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an owner records for a quarter: a value, or for a {@code RATIO} indicator its numerator and
 * denominator (P3 adds those up, never the percentages). Exact decimals; a missing part is null.
 */
public record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    public static Figure of(String value) {
        return new Figure(new BigDecimal(value), null, null);
    }

    public static Figure ratio(String numerator, String denominator) {
        return new Figure(null, new BigDecimal(numerator), new BigDecimal(denominator));
    }

    public boolean isRatio() {
        return value == null;
    }

    /** The figure as a number: the value, or 100 x numerator / denominator. */
    public Fraction amount() {
        return isRatio() ? Exact.percent(Exact.of(numerator), Exact.of(denominator)) : Exact.of(value);
    }

    /** The right parts for the indicator's accumulation, each problem named by its field. */
    public List<Problem> problems(Indicator.Accumulation accumulation) {
        List<Problem> problems = new ArrayList<>();
        if (accumulation == Indicator.Accumulation.RATIO) {
            if (value != null) {
                problems.add(new Problem("value", "is not given for a RATIO indicator: give numerator and denominator"));
            }
            if (numerator == null) {
                problems.add(new Problem("numerator", "is required for a RATIO indicator"));
            }
            if (denominator == null) {
                problems.add(new Problem("denominator", "is required for a RATIO indicator"));
            } else if (denominator.signum() == 0) {
                problems.add(new Problem("denominator", "must not be zero"));
            }
        } else {
            if (value == null) {
                problems.add(new Problem("value", "is required"));
            }
            if (numerator != null || denominator != null) {
                problems.add(new Problem(numerator != null ? "numerator" : "denominator",
                        "is only given for a RATIO indicator"));
            }
        }
        return problems;
    }

    /** Whether two figures say the same (a re-review that changes nothing publishes nothing new, P9). */
    public boolean saysTheSameAs(Figure other) {
        return amount().equals(other.amount());
    }

}
