package grants.core.run;

import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a committed run except its rows: what the list of runs shows. {@code supersedes}
 * names the run of the same input that this one deliberately replaces, with the reason given. A header
 * read from the store reads its {@code localities} only when they are first asked for
 * ({@link ReadWhenFirstAsked}).
 */
public record RunHeader(String programmeId, String runId, Instant committedAt, String inputHash, String rulesVersion,
                        ControlTotals totals, List<LocalityOutcome> localities, List<String> warnings,
                        Optional<CommitRequest.Supersession> supersedes) {

    public RunHeader {
        // Localities still to be read stay so: copying them would read them.
        localities = localities instanceof ReadWhenFirstAsked<LocalityOutcome> ? localities : List.copyOf(localities);
        warnings = List.copyOf(warnings);
    }

    /** The header of a run of this allocation, by the rules in force. */
    public static RunHeader of(String programmeId, String runId, Instant committedAt, String inputHash,
                               Allocation allocation, Optional<CommitRequest.Supersession> supersedes) {
        return new RunHeader(programmeId, runId, committedAt, inputHash, AllocationEngine.RULES_VERSION,
                allocation.totals(), allocation.localities(), allocation.warnings(), supersedes);
    }

    /** A run that supersedes none. */
    public RunHeader(String programmeId, String runId, Instant committedAt, String inputHash, String rulesVersion,
                     ControlTotals totals, List<LocalityOutcome> localities, List<String> warnings) {
        this(programmeId, runId, committedAt, inputHash, rulesVersion, totals, localities, warnings, Optional.empty());
    }
}
