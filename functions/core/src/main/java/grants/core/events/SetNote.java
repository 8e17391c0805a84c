package grants.core.events;

import java.time.Instant;

/** The notes of one meeting of an Action Learning Set, written by its facilitator. */
public record SetNote(String setId, String meetingId, String text, Instant writtenAt, String writtenBy) {
}
