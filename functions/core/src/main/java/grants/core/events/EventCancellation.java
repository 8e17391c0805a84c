package grants.core.events;

import java.time.Instant;

/**
 * A manager's cancellation of an event that had not happened: why, by whom and when. A cancelled event keeps its
 * registrations (everyone registered or waiting was told by email) and takes no more.
 */
public record EventCancellation(String reason, String cancelledBy, Instant at) {
}
