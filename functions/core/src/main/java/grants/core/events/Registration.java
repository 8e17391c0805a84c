package grants.core.events;

import java.time.Instant;

/**
 * One person's registration for an event, made by a member of their partnership. Its id comes from the
 * event and the person's address, so registering the same person again finds the same registration.
 * {@code ticket} is the order registrations arrived in, which orders the waiting list; {@code attended}
 * is null until the facilitator records it.
 */
public record Registration(String id, String eventId, String partnershipId, String name, String email, State state,
                           long ticket, Instant registeredAt, String registeredBy, Boolean attended) {

    public enum State {
        /** Has a place. */
        PLACE,
        /** Waits for a place; given the first one freed, in ticket order. */
        WAITING,
        CANCELLED
    }

    public Registration withState(State to) {
        return new Registration(id, eventId, partnershipId, name, email, to, ticket, registeredAt, registeredBy, attended);
    }

    public Registration withAttended(boolean present) {
        return new Registration(id, eventId, partnershipId, name, email, state, ticket, registeredAt, registeredBy, present);
    }

    /** The id of a person's registration for an event: the same address (as compared) always gives the same id. */
    public static String idFor(String eventId, String email) {
        return grants.core.notices.Notice.recipientKey(eventId + "/" + email);
    }
}
