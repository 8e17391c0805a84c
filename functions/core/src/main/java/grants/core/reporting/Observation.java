package grants.core.reporting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An accepted figure for an indicator's quarter (P2). {@code sequence} counts the accepted figures of
 * that quarter from 1: a second one is a revision and carries its reason. Refused figures are never
 * observations, so the next accepted one is not a revision.
 */
public record Observation(String indicator, Period period, int sequence, Figure figure, Finality finality,
                          String recordedBy, LocalDate recordedOn, Optional<String> revisionReason) {

    /** Whether the owner says the figure may still change. */
    public enum Finality { PROVISIONAL, FINAL }

    public boolean isRevision() {
        return sequence > 1;
    }

    public boolean isProvisional() {
        return finality == Finality.PROVISIONAL;
    }
}
