package grants.core.events;

/**
 * How much a partnership took part in a programme's events: the narrow read the evaluation report uses
 * (inbound port; {@link EventParticipation} answers it from the events' registrations).
 */
public interface Participation {

    PartnershipParticipation attendedBy(String programmeId, String partnershipId);

    /** Events it registered anyone for (not counting cancelled), distinct people registered, and events at which any of them was recorded as attending. */
    record PartnershipParticipation(String partnershipId, int events, int people, int attended) {
    }
}
