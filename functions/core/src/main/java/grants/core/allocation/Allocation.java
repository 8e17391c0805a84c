package grants.core.allocation;

import java.util.List;

/** The result of applying the rules to a programme: rows ordered by partnership id, localities by county id. */
public record Allocation(List<AllocationRow> rows, List<LocalityOutcome> localities, ControlTotals totals,
                         List<String> warnings) {

    public Allocation {
        rows = List.copyOf(rows);
        localities = List.copyOf(localities);
        warnings = List.copyOf(warnings);
    }
}
