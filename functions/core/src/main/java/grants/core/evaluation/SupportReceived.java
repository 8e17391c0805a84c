package grants.core.evaluation;

/**
 * What support a partnership had, as the evaluation report joins it with the answers (outbound port,
 * read one way: support and events never know evaluation exists).
 */
public interface SupportReceived {

    /** Half-days of adviser support delivered to the partnership, or to the pool it shares its days with. */
    int halfDaysDelivered(String programmeId, String partnershipId);

    /** Workshops, Action Learning Set meetings and seminars at which any of its people was recorded as attending. */
    int eventsAttended(String programmeId, String partnershipId);
}
