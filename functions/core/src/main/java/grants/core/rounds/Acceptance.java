package grants.core.rounds;

import java.time.Instant;

/** A lead organisation's acceptance of its contract: when, and by whom (the person who signed in for it). */
public record Acceptance(String contractId, String organisation, Instant at, String by) {
}
