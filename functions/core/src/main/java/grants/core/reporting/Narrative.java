package grants.core.reporting;

import java.time.LocalDate;

/** The owner's story of a quarter: "what we've achieved" and "what next" (P7). The latest one is shown. */
public record Narrative(String indicator, Period period, String achieved, String next, String by, LocalDate on) {
}
