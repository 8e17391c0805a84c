package grants.core.monitoring;

import java.time.LocalDate;

/** A due date moved (M5): the old date stays on record beside the new one. */
public record Variation(LocalDate on, String by, LocalDate from, LocalDate to, String reason) {
}
