package grants.core.monitoring;

import java.time.LocalDate;

/** Something a person did, on a day, in their words: evidence for a milestone, a reason for a skip or a hold. */
public record Act(LocalDate on, String by, String words) {
}
