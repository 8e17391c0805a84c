package grants.core.monitoring;

import java.time.LocalDate;

/** A reviewer's verdict on the latest version: accepted, or sent back with what to fix. */
public record Review(LocalDate on, String by, boolean accepted, String reason) {
}
