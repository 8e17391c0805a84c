package grants.core.support;

/**
 * One line of the balances: for a partnership, a pool or an adviser. {@code overBy} is positive
 * when a newer committed run lowered an entitlement below what was already booked: flagged, never
 * silently cut.
 */
public record BalanceLine(String kind, String id, String name, String pool, int entitledHalfDays,
                          int bookedHalfDays, int deliveredHalfDays) {

    public int remainingHalfDays() {
        return Math.max(0, entitledHalfDays - bookedHalfDays);
    }

    public int overByHalfDays() {
        return Math.max(0, bookedHalfDays - entitledHalfDays);
    }
}
