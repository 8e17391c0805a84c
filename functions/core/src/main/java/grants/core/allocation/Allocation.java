package grants.core.allocation;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The result of applying the rules to a programme: rows ordered by partnership id, localities by
 * county id. The control totals' CSV hash covers every row's reason, so it is worked out (once)
 * when the totals are first read, not by the rules.
 */
public final class Allocation {

    private final List<AllocationRow> rows;
    private final List<LocalityOutcome> localities;
    private final List<String> warnings;
    private Supplier<ControlTotals> totalsWriter;
    private volatile ControlTotals totals;

    public Allocation(List<AllocationRow> rows, List<LocalityOutcome> localities, ControlTotals totals,
                      List<String> warnings) {
        this(rows, localities, (Supplier<ControlTotals>) null, warnings);
        this.totals = Objects.requireNonNull(totals, "totals");
    }

    Allocation(List<AllocationRow> rows, List<LocalityOutcome> localities, Supplier<ControlTotals> totalsWriter,
               List<String> warnings) {
        this.rows = List.copyOf(rows);
        this.localities = List.copyOf(localities);
        this.warnings = List.copyOf(warnings);
        this.totalsWriter = totalsWriter;
    }

    public List<AllocationRow> rows() {
        return rows;
    }

    public List<LocalityOutcome> localities() {
        return localities;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The same allocation with further warnings after its own (the figures are not touched). */
    public Allocation withMoreWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Allocation(rows, localities, this::totals, all);
    }

    public ControlTotals totals() {
        ControlTotals written = totals;
        if (written == null) {
            synchronized (this) {
                if (totals == null) {
                    totals = totalsWriter.get();
                    totalsWriter = null;
                }
                written = totals;
            }
        }
        return written;
    }
}
