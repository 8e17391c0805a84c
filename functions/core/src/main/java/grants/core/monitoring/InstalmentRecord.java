package grants.core.monitoring;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An instalment and what has happened to it: paid (on a run's day), held by hand (until released),
 * whether the last payment run that saw it held it, and an override waiting for the next run.
 */
public record InstalmentRecord(Agreement.Instalment instalment, Optional<LocalDate> paidOn, Optional<Act> manualHold,
                               boolean heldByLastRun, Optional<Override> override) {

    public static InstalmentRecord unpaid(Agreement.Instalment instalment) {
        return new InstalmentRecord(instalment, Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    public int number() {
        return instalment.number();
    }

    InstalmentRecord paid(LocalDate on) {
        return new InstalmentRecord(instalment, Optional.of(on), manualHold, false, Optional.empty());
    }

    InstalmentRecord heldByRun() {
        return new InstalmentRecord(instalment, paidOn, manualHold, true, Optional.empty());
    }

    InstalmentRecord heldByHand(Optional<Act> hold) {
        return new InstalmentRecord(instalment, paidOn, hold, heldByLastRun, override);
    }

    InstalmentRecord overridden(Override approved) {
        return new InstalmentRecord(instalment, paidOn, manualHold, heldByLastRun, Optional.of(approved));
    }
}
