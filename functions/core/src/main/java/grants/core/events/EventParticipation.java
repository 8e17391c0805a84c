package grants.core.events;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@link Participation} counted from the registrations kept for the programme's events. */
public final class EventParticipation implements Participation {

    private final EventStore store;

    public EventParticipation(EventStore store) {
        this.store = store;
    }

    @Override
    public PartnershipParticipation attendedBy(String programmeId, String partnershipId) {
        List<Registration> theirs = store.registrations(programmeId).stream()
                .filter(registration -> registration.partnershipId().equals(partnershipId))
                .filter(registration -> registration.state() != Registration.State.CANCELLED).toList();
        Set<String> events = new HashSet<>();
        Set<String> people = new HashSet<>();
        Set<String> attended = new HashSet<>();
        for (Registration registration : theirs) {
            events.add(registration.eventId());
            people.add(registration.email().toLowerCase(Locale.ROOT));
            if (Boolean.TRUE.equals(registration.attended())) {
                attended.add(registration.eventId());
            }
        }
        return new PartnershipParticipation(partnershipId, events.size(), people.size(), attended.size());
    }
}
