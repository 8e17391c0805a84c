package grants.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is a whole number of pence inside the program and a two-decimal string outside it.
 * Nothing here ever goes through a binary floating point number.
 */
public final class Money {

    /** Largest amount accepted from input: one hundred billion pounds, far beyond any programme. */
    private static final long MAX_PENCE = 10_000_000_000_000L;

    private Money() {
    }

    /**
     * Reads a decimal amount of pounds ("19600.00", "6300", "0.5") into pence.
     *
     * @throws IllegalArgumentException with a message a user can act on: not a number, negative,
     *                                  more than two decimals, or absurdly large
     */
    public static long parsePence(String text) {
        BigDecimal amount = parseDecimal(text);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("must not be negative, got \"" + text + "\"");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most two decimals, got \"" + text + "\"");
        }
        BigDecimal pence = amount.movePointRight(2);
        if (pence.compareTo(BigDecimal.valueOf(MAX_PENCE)) > 0) {
            throw new IllegalArgumentException("is larger than any programme could hold, got \"" + text + "\"");
        }
        return pence.longValueExact();
    }

    /** A plain decimal number such as "1.483"; no exponent, no sign other than a leading minus. */
    public static BigDecimal parseDecimal(String text) {
        if (text == null || !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("must be a decimal number such as \"6300.00\", got "
                    + (text == null ? "nothing" : "\"" + text + "\""));
        }
        return new BigDecimal(text);
    }

    /** Formats pence as pounds with exactly two decimals: 1962500 is "19625.00", -5 is "-0.05". */
    public static String format(long pence) {
        if (pence == Long.MIN_VALUE) {
            return BigDecimal.valueOf(pence, 2).toPlainString();
        }
        long magnitude = Math.abs(pence);
        long fraction = magnitude % 100;
        return (pence < 0 ? "-" : "") + magnitude / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** Pence as a person reads pounds: 1962500 is "£19,625.00", -5 is "-£0.05" (the words the API's sentences use). */
    public static String pounds(long pence) {
        String plain = format(pence);
        String sign = plain.startsWith("-") ? "-" : "";
        String digits = plain.substring(sign.length());
        return sign + "£" + digits.replaceAll("\\B(?=(\\d{3})+\\.)", ",");
    }

    /**
     * Converts pence to euro cents at the given rate, rounding half-up to the cent (rule R12). Exact
     * integer arithmetic on the rate's digits; BigDecimal only where a product would overflow a long.
     */
    public static long toEuroCents(long pence, BigDecimal gbpToEurRate) {
        int scale = gbpToEurRate.scale();
        if (scale >= 0 && scale <= 18 && gbpToEurRate.unscaledValue().bitLength() < 63) {
            try {
                long product = Math.multiplyExact(pence, gbpToEurRate.unscaledValue().longValueExact());
                long divisor = POWERS_OF_TEN[scale];
                long quotient = product / divisor;
                long remainder = product % divisor;
                return remainder * 2 >= divisor ? quotient + 1 : quotient; // amounts are never negative
            } catch (ArithmeticException overflow) {
                // fall through to BigDecimal
            }
        }
        return BigDecimal.valueOf(pence).multiply(gbpToEurRate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }
}
