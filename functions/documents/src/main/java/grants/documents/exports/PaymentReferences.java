package grants.documents.exports;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Bacs payment references: 6 to 18 characters of A-Z, 0-9, full stop, ampersand, slash, hyphen
 * and space, not all the same character. Ours read {@code PREFIX-RUN6-NNN}: the programme's prefix,
 * the random part of the run id (so two runs of a programme never share a reference), and the
 * payment's number within the run.
 */
public final class PaymentReferences {

    private static final String ALLOWED = "[A-Z0-9.&/ -]{6,18}";

    private PaymentReferences() {
    }

    public static String reference(String prefix, String runId, int number, int paymentsInRun) {
        String runPart = runId.substring(runId.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT);
        int digits = Math.max(3, Integer.toString(paymentsInRun).length());
        String reference = prefix + "-" + runPart + "-" + String.format("%0" + digits + "d", number);
        if (!isValid(reference)) {
            throw new IllegalStateException("not a valid Bacs reference: " + reference);
        }
        return reference;
    }

    /**
     * The references of one run's payments, numbered 1 to {@code paymentsInRun}: the same as
     * {@link #reference} gives, but the prefix and run part are checked once for all of them (the
     * number is the only part that changes, always digits of the same width).
     */
    public static IntFunction<String> ofRun(String prefix, String runId, int paymentsInRun) {
        String first = reference(prefix, runId, 1, paymentsInRun);
        int digits = Math.max(3, Integer.toString(paymentsInRun).length());
        String stem = first.substring(0, first.length() - digits);
        return number -> {
            if (number < 1 || number > paymentsInRun) {
                throw new IllegalArgumentException("payment " + number + " of " + paymentsInRun);
            }
            String n = Integer.toString(number);
            StringBuilder reference = new StringBuilder(stem.length() + digits).append(stem);
            for (int pad = n.length(); pad < digits; pad++) {
                reference.append('0');
            }
            return reference.append(n).toString();
        };
    }

    public static boolean isValid(String reference) {
        return reference.matches(ALLOWED) && reference.chars().distinct().count() > 1;
    }
}
