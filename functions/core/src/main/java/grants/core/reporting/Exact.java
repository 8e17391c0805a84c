package grants.core.reporting;

import grants.core.commissioning.Fraction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The exact arithmetic the rules need beyond {@link Fraction}'s own: never binary floating point. */
final class Exact {

    private static final Fraction HUNDRED = Fraction.of(100, 1);

    private Exact() {
    }

    static Fraction of(BigDecimal decimal) {
        return Fraction.ofDecimal(decimal);
    }

    static Fraction times(Fraction a, Fraction b) {
        return new Fraction(a.numerator().multiply(b.numerator()), a.denominator().multiply(b.denominator()));
    }

    static Fraction over(Fraction a, Fraction b) {
        if (b.numerator().signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        Fraction inverse = b.numerator().signum() > 0 ? new Fraction(b.denominator(), b.numerator())
                : new Fraction(b.denominator().negate(), b.numerator().negate());
        return times(a, inverse);
    }

    /** 100 x part / whole. */
    static Fraction percent(Fraction part, Fraction whole) {
        return times(HUNDRED, over(part, whole));
    }

    static Fraction abs(Fraction a) {
        return a.numerator().signum() < 0 ? new Fraction(a.numerator().negate(), a.denominator()) : a;
    }

    /** Shown to {@code decimals} places, half away from zero: only ever for showing, never before comparing (P2). */
    static String shown(Fraction a, int decimals) {
        return new BigDecimal(a.numerator()).divide(new BigDecimal(a.denominator()), decimals, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
