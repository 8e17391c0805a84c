package grants.core.support;

import java.util.List;
import java.util.Optional;

/**
 * An adviser bought by tender: specialisms (health, crime, housing ...), days contracted for the year,
 * and what a day of theirs costs ({@code dayRatePence}): what a booking commits to the programme's
 * ledger for each day. An adviser whose day rate is not set yet has none.
 */
public record Adviser(String id, String name, List<String> specialisms, int contractedHalfDays,
                      Optional<Long> dayRatePence) {

    public Adviser {
        specialisms = List.copyOf(specialisms);
        if (dayRatePence.filter(pence -> pence <= 0).isPresent()) {
            throw new IllegalArgumentException("a day rate is more than £0.00");
        }
    }

    /** An adviser whose day rate is not set yet. */
    public Adviser(String id, String name, List<String> specialisms, int contractedHalfDays) {
        this(id, name, specialisms, contractedHalfDays, Optional.empty());
    }

    /**
     * What {@code halfDays} of this adviser's time cost, in pence: half a day is half the day rate, an odd
     * penny rounded up (a day rate of £450.01 makes half a day £225.01). Empty without a day rate.
     */
    public Optional<Long> costOf(int halfDays) {
        return dayRatePence.map(rate -> (halfDays * rate + 1) / 2);
    }
}
