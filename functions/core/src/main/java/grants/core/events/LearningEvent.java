package grants.core.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A workshop, an Action Learning Set's meeting or a regional seminar of a programme. The topic is a
 * competency domain's id (e.g. {@code performance-management}); it is held at a place or online (a link),
 * or both; each facilitating adviser gives {@code facilitatorHalfDays} of their contract to it. An Action
 * Learning Set's meeting names its set. Its cost (venue, catering, presenters' fees), when it has one, is
 * committed to the programme's ledger when it is set up.
 */
public record LearningEvent(String id, EventKind kind, String title, String topic, LocalDate date, LocalTime starts,
                            LocalTime ends, String place, String onlineLink, int capacity, List<String> facilitators,
                            int facilitatorHalfDays, List<String> presenters, String setId,
                            Optional<Long> costPence) {

    public LearningEvent {
        facilitators = List.copyOf(facilitators);
        presenters = List.copyOf(presenters);
    }

    public boolean facilitatedBy(String adviserId) {
        return facilitators.contains(adviserId);
    }
}
