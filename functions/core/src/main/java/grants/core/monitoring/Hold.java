package grants.core.monitoring;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An instalment a payment run held, with every reason that applies and what blocks it: the
 * returns and milestones whose work releases it (a manual hold names its reason instead).
 */
public record Hold(String agreementId, Agreement.Instalment instalment, SortedSet<HoldReason> reasons,
                   SortedSet<String> blocking, Optional<Act> manualHold) {

    public Hold {
        reasons = new TreeSet<>(reasons);
        blocking = new TreeSet<>(blocking);
    }

    static Hold of(String agreementId, Agreement.Instalment instalment, Set<HoldReason> reasons, Set<String> blocking,
                   Optional<Act> manualHold) {
        return new Hold(agreementId, instalment, new TreeSet<>(reasons), new TreeSet<>(blocking), manualHold);
    }
}
