package grants.core.run;

import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;

import java.time.Instant;
import java.util.List;

/** Everything about a committed run except its rows: what the list of runs shows. */
public record RunHeader(String programmeId, String runId, Instant committedAt, String inputHash, String rulesVersion,
                        ControlTotals totals, List<LocalityOutcome> localities, List<String> warnings) {

    public RunHeader {
        localities = List.copyOf(localities);
        warnings = List.copyOf(warnings);
    }
}
