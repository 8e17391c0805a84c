package grants.core.moneymap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A part of a whole, kept exact (pence over pence, in lowest terms) and said in words:
 * "20/77 of the money committed (25.97%)". The percentage, to two places, is for reading only.
 */
public record Share(long numerator, long denominator, String inWords) {

    static Share of(long partPence, long wholePence, String ofWhat) {
        if (wholePence <= 0) {
            return new Share(0, 1, "none: there is nothing yet to share");
        }
        long divisor = BigInteger.valueOf(partPence).gcd(BigInteger.valueOf(wholePence)).longValueExact();
        long numerator = partPence / Math.max(divisor, 1);
        long denominator = wholePence / Math.max(divisor, 1);
        String percent = BigDecimal.valueOf(partPence).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(wholePence), 2, RoundingMode.HALF_UP).toPlainString();
        String fraction = numerator == 0 ? "none" : numerator == denominator ? "all" : numerator + "/" + denominator;
        return new Share(numerator, denominator, fraction + " " + ofWhat + " (" + percent + "%)");
    }
}
