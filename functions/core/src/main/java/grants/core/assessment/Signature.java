package grants.core.assessment;

import java.time.Instant;

/** Who signed an assessment (the person's email, or subject where none) and when. */
public record Signature(String by, Instant at) {
}
