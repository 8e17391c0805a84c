package grants.core.run;

import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a committed run except its rows: what the list of runs shows. {@code supersedes}
 * names the run of the same input that this one deliberately replaces, with the reason given.
 */
public record RunHeader(String programmeId, String runId, Instant committedAt, String inputHash, String rulesVersion,
                        ControlTotals totals, List<LocalityOutcome> localities, List<String> warnings,
                        Optional<CommitRequest.Supersession> supersedes) {

    public RunHeader {
        localities = List.copyOf(localities);
        warnings = List.copyOf(warnings);
    }

    /** A run that supersedes none. */
    public RunHeader(String programmeId, String runId, Instant committedAt, String inputHash, String rulesVersion,
                     ControlTotals totals, List<LocalityOutcome> localities, List<String> warnings) {
        this(programmeId, runId, committedAt, inputHash, rulesVersion, totals, localities, warnings, Optional.empty());
    }
}
