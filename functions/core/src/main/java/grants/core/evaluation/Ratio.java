package grants.core.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * An exact fraction, always in lowest terms with a positive denominator: the evaluation's means and
 * rates, never a double. Written exactly ("7/2") and, for reading, to two decimal places ("3.50").
 */
public record Ratio(BigInteger numerator, BigInteger denominator) {

    public static final Ratio ZERO = of(0, 1);

    public Ratio {
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("a ratio's denominator is never zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public Ratio plus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Ratio minus(Ratio other) {
        return plus(new Ratio(other.numerator.negate(), other.denominator));
    }

    /** The mean of some (at least one). */
    public static Ratio mean(List<Ratio> values) {
        Ratio sum = values.stream().reduce(ZERO, Ratio::plus);
        return new Ratio(sum.numerator, sum.denominator.multiply(BigInteger.valueOf(values.size())));
    }

    /** Exactly: "7/2", "3", "-1/6". */
    public String exact() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }

    /** To two places, halves away from zero: "3.50". */
    public String decimal() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** As a percentage to two places: 2/3 is "66.67%". */
    public String percent() {
        return new BigDecimal(numerator.multiply(BigInteger.valueOf(100))).divide(new BigDecimal(denominator), 2,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
