package grants.core.events;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An event as read, with every registration and the version it was read at: a change is written only
 * while the event is still at that version, so two registrations can never both take the last place.
 * A cancelled event carries its {@code cancellation}.
 */
public record EventRoll(LearningEvent event, long version, List<Registration> registrations,
                        Optional<EventCancellation> cancellation) {

    public EventRoll {
        registrations = registrations.stream().sorted(Comparator.comparingLong(Registration::ticket)).toList();
    }

    /** An event that stands (not cancelled). */
    public EventRoll(LearningEvent event, long version, List<Registration> registrations) {
        this(event, version, registrations, Optional.empty());
    }

    public boolean isCancelled() {
        return cancellation.isPresent();
    }

    /** Everyone an event's cancellation tells: those with a place and those waiting. */
    public List<Registration> toldOfCancellation() {
        return registrations.stream().filter(registration -> registration.state() != Registration.State.CANCELLED)
                .toList();
    }

    public long placesTaken() {
        return registrations.stream().filter(registration -> registration.state() == Registration.State.PLACE).count();
    }

    public boolean hasFreePlace() {
        return placesTaken() < event.capacity();
    }

    public Optional<Registration> registration(String registrationId) {
        return registrations.stream().filter(registration -> registration.id().equals(registrationId)).findFirst();
    }

    /** Who is given the next place freed: the first to arrive of those waiting. */
    public Optional<Registration> firstWaiting() {
        return waiting().stream().findFirst();
    }

    public List<Registration> waiting() {
        return registrations.stream().filter(registration -> registration.state() == Registration.State.WAITING).toList();
    }

    /** 1 for the first waiting, 2 for the next ...; 0 for anyone not waiting. */
    public int positionOf(String registrationId) {
        List<Registration> waiting = waiting();
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id().equals(registrationId)) {
                return i + 1;
            }
        }
        return 0;
    }

    public long nextTicket() {
        return registrations.stream().mapToLong(Registration::ticket).max().orElse(0) + 1;
    }
}
