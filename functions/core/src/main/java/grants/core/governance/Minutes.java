package grants.core.governance;

import java.util.List;
import java.util.Optional;

/**
 * What a meeting decided, for its minutes: the body, who was present, for a board meeting its pack's
 * exceptions each decided or not (G8), then each decision item by item with its quorum as G3 counted
 * it (who was counted out, and who had an interest they did not declare).
 */
public record Minutes(Body body, Meeting meeting, Optional<BoardExceptions> exceptions, List<Decision> decisions) {

    public Minutes {
        decisions = List.copyOf(decisions);
    }
}
