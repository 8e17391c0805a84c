package grants.core.run;

import grants.core.audit.AuditEntry;
import grants.core.allocation.AllocationRow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where committed runs are kept (outbound port). Runs are immutable once visible. */
public interface AllocationRunStore {

    /**
     * Stores a run so that readers see all of it or none of it. Storing the same run id again is
     * harmless: the run already stored is returned, never overwritten.
     */
    default RunHeader commit(AllocationRun run) {
        writeRows(run.header(), run.rows());
        return publish(run.header(), run.rows().size());
    }

    /** The same, the run's audit entry written with its header: recorded exactly when it becomes visible. */
    default RunHeader commit(AllocationRun run, AuditEntry entry) {
        writeRows(run.header(), run.rows());
        return publish(run.header(), run.rows().size(), entry);
    }

    /** Writes some of a run's rows, which no reader sees until the run is published. */
    void writeRows(RunHeader header, List<AllocationRow> rows);

    /** The partnerships whose rows of this run are written, published or not: where a cut-short commit resumes. */
    Set<String> writtenRowIds(String programmeId, String runId);

    /**
     * Makes a run whose rows are all written visible, header last. Publishing the same run id again
     * returns the header already published, never overwritten.
     */
    RunHeader publish(RunHeader header, int rowCount);

    /**
     * The same, with the commit's audit entry in the header's own transaction: the entry is
     * written only by the publish that makes the run visible, never by a repeat.
     */
    RunHeader publish(RunHeader header, int rowCount, AuditEntry entry);

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
