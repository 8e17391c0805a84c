package grants.core.money;

import java.math.BigDecimal;

/** Support days are whole half-days inside; outside they read "1.0", "0.5", "2.5". */
public final class Days {

    private Days() {
    }

    public static String format(int halfDays) {
        return (halfDays / 2) + (halfDays % 2 == 0 ? ".0" : ".5");
    }

    /**
     * Reads days in half-day steps ("1.5" is 3 half-days).
     *
     * @throws IllegalArgumentException with a message a user can act on: not a number, negative, or
     *                                  not a multiple of 0.5 (such as 0.3)
     */
    public static int parseHalfDays(String text) {
        BigDecimal halfDays = Money.parseDecimal(text).multiply(BigDecimal.valueOf(2));
        if (halfDays.signum() < 0 || halfDays.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must be zero or more in half-day steps (0.5, 1.0, 1.5 ...), got \""
                    + text + "\"");
        }
        try {
            return halfDays.intValueExact();
        } catch (ArithmeticException tooMany) {
            throw new IllegalArgumentException("is more days than any programme could hold, got \"" + text + "\"");
        }
    }
}
