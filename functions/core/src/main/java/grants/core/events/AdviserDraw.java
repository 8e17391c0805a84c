package grants.core.events;

/** Days an event takes from a facilitating adviser's contract, which holds {@code contractedHalfDays} in all. */
public record AdviserDraw(String adviserId, int halfDays, int contractedHalfDays) {
}
