package grants.core.governance;

import java.time.LocalDate;

/** Something a person did on a day, in their words: an update, a completion's evidence, a drop's reason. */
public record Act(LocalDate on, String by, String words) {
}
