package grants.core.monitoring;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An instalment and what has happened to it: paid (on a run's day), held by hand (until released),
 * whether the last payment run that saw it held it, an override asked for and waiting for a second
 * person, and an approved override waiting for the next run.
 */
public record InstalmentRecord(Agreement.Instalment instalment, Optional<LocalDate> paidOn, Optional<Act> manualHold,
                               boolean heldByLastRun, Optional<Act> overrideRequest, Optional<Override> override) {

    public static InstalmentRecord unpaid(Agreement.Instalment instalment) {
        return new InstalmentRecord(instalment, Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty());
    }

    public int number() {
        return instalment.number();
    }

    /** A run pays it: any override is used up. */
    InstalmentRecord paid(LocalDate on) {
        return new InstalmentRecord(instalment, Optional.of(on), manualHold, false, Optional.empty(), Optional.empty());
    }

    /** A run holds it: an override not yet approved was for the last run, so it lapses (M11). */
    InstalmentRecord heldByRun() {
        return new InstalmentRecord(instalment, paidOn, manualHold, true, Optional.empty(), Optional.empty());
    }

    InstalmentRecord heldByHand(Optional<Act> hold) {
        return new InstalmentRecord(instalment, paidOn, hold, heldByLastRun, overrideRequest, override);
    }

    InstalmentRecord overrideAskedFor(Act request) {
        return new InstalmentRecord(instalment, paidOn, manualHold, heldByLastRun, Optional.of(request), override);
    }

    InstalmentRecord overridden(Override approved) {
        return new InstalmentRecord(instalment, paidOn, manualHold, heldByLastRun, Optional.empty(),
                Optional.of(approved));
    }
}
