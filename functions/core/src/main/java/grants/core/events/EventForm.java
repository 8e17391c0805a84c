package grants.core.events;

import java.util.List;

/** An event as the manager typed it, every field text as sent (its cost, optional, as "1250.00"); {@link EventService#create} names each bad one. */
public record EventForm(String kind, String title, String topic, String date, String starts, String ends, String place,
                        String onlineLink, String capacity, List<String> facilitators, String facilitatorDays,
                        List<String> presenters, String setId, String cost) {

    public EventForm {
        facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
        presenters = presenters == null ? List.of() : List.copyOf(presenters);
    }
}
