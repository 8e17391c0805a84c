package grants.core.evaluation;

import java.util.OptionalInt;

/**
 * What support a partnership had, as the evaluation report joins it with the answers (outbound port,
 * read one way: support and events never know evaluation exists).
 */
public interface SupportReceived {

    /** Half-days of adviser support delivered to the partnership, or to the pool it shares its days with. */
    int halfDaysDelivered(String programmeId, String partnershipId);

    /** Workshops and Action Learning Sets it attended; empty where attendance is not recorded by this system yet. */
    OptionalInt eventsAttended(String programmeId, String partnershipId);
}
