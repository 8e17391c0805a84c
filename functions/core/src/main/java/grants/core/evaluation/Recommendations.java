package grants.core.evaluation;

import java.time.Instant;

/** The evaluator's recommendations for improvement, as the final report prints them. */
public record Recommendations(String programmeId, String text, String recordedBy, Instant recordedAt) {
}
