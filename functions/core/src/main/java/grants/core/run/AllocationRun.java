package grants.core.run;

import grants.core.allocation.AllocationRow;

import java.util.List;

/** A committed run: immutable once stored. */
public record AllocationRun(RunHeader header, List<AllocationRow> rows) {

    public AllocationRun {
        rows = List.copyOf(rows);
    }
}
