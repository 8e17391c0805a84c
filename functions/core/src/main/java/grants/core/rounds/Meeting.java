package grants.core.rounds;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A panel's meeting with a proposal's proposers (the seed's hour and a half): when, where, who
 * attends from the panel, and what was said (the panel's note, never shown to the proposer).
 */
public record Meeting(String proposal, LocalDateTime at, int minutes, String note, String place, List<String> attendees) {

    public Meeting {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** A meeting whose place and attendees are not given. */
    public Meeting(String proposal, LocalDateTime at, int minutes, String note) {
        this(proposal, at, minutes, note, null, List.of());
    }
}
