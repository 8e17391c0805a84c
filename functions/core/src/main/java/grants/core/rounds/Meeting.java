package grants.core.rounds;

import java.time.LocalDateTime;

/** A panel's meeting with a proposal's proposers (the seed's hour and a half), and what was said. */
public record Meeting(String proposal, LocalDateTime at, int minutes, String note) {
}
