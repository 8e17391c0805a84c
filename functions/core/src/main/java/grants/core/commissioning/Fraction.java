package grants.core.commissioning;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact, non-negative score: a numerator over a denominator, never binary floating point.
 * Shown outside as a 4-decimal string rounded half up ({@code 0.9167}).
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    public static final Fraction ZERO = of(0, 1);
    public static final Fraction ONE = of(1, 1);

    public Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a fraction's denominator must be positive");
        }
        BigInteger divisor = numerator.gcd(denominator);
        if (divisor.signum() > 0 && !divisor.equals(BigInteger.ONE)) {
            numerator = numerator.divide(divisor);
            denominator = denominator.divide(divisor);
        }
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** A plain decimal such as "0.60" or "0.7000", exactly. */
    public static Fraction ofDecimal(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new Fraction(stripped.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Fraction(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    public Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction minus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction dividedBy(long divisor) {
        return new Fraction(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    public boolean isBetweenZeroAndOne() {
        return numerator.signum() >= 0 && numerator.compareTo(denominator) <= 0;
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Four decimals, rounded half up: the form every output shows. */
    public String format() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 4, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public String toString() {
        return format();
    }
}
