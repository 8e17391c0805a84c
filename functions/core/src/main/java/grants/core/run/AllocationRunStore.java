package grants.core.run;

import grants.core.allocation.AllocationRow;

import java.util.List;
import java.util.Optional;

/** Where committed runs are kept (outbound port). Runs are immutable once visible. */
public interface AllocationRunStore {

    /**
     * Stores a run so that readers see all of it or none of it. Storing the same run id again is
     * harmless: the run already stored is returned, never overwritten.
     */
    RunHeader commit(AllocationRun run);

    /** Newest first. */
    List<RunHeader> list(String programmeId);

    Optional<RunHeader> latest(String programmeId);

    Optional<RunHeader> header(String programmeId, String runId);

    /** Ordered by partnership id. */
    List<AllocationRow> rows(String programmeId, String runId);

    Optional<AllocationRow> row(String programmeId, String runId, String partnershipId);

    /** At most {@code limit} rows, ordered by partnership id, after the one named (from the first if none). */
    List<AllocationRow> rows(String programmeId, String runId, Optional<String> afterPartnershipId, int limit);

    /**
     * Claims an idempotency key for a run id, atomically: the first caller's claim wins and every
     * later caller gets that first claim back.
     */
    IdempotencyClaim claim(String programmeId, String idempotencyKey, IdempotencyClaim proposed);
}
