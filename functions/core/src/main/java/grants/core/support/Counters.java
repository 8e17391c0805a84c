package grants.core.support;

/** Days booked (BOOKED or DELIVERED) and delivered on an account, in half-days. */
public record Counters(int bookedHalfDays, int deliveredHalfDays) {

    public static final Counters NONE = new Counters(0, 0);
}
