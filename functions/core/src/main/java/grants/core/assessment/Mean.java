package grants.core.assessment;

/**
 * A mean score, exactly: the total of the scores over how many there are, never a double. Said as a
 * person would ("2", "1.5", "2.25", or "2 1/3" where no short decimal is exact).
 */
public record Mean(long total, long count) implements Comparable<Mean> {

    public Mean {
        if (count <= 0) {
            throw new IllegalArgumentException("a mean of nothing");
        }
    }

    public Mean plus(int score) {
        return new Mean(total + score, count + 1);
    }

    public static Mean of(int score) {
        return new Mean(score, 1);
    }

    @Override
    public int compareTo(Mean other) {
        return Long.compare(total * other.count, other.total * count);
    }

    /** "1.5", "2", "2.25", "2 1/3". */
    public String words() {
        long whole = total / count;
        long rest = total % count;
        if (rest == 0) {
            return Long.toString(whole);
        }
        if ((rest * 100) % count == 0) {
            String hundredths = String.format("%02d", rest * 100 / count);
            return whole + "." + (hundredths.endsWith("0") ? hundredths.substring(0, 1) : hundredths);
        }
        long divisor = gcd(rest, count);
        return whole + " " + rest / divisor + "/" + count / divisor;
    }

    /** Two places, rounded half up, for a chart's bar only ("2.33"); the exact figure is {@link #words()}. */
    public String twoPlaces() {
        long hundredths = (total * 200 + count) / (2 * count);
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
