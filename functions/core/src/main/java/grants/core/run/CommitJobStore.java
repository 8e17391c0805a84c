package grants.core.run;

import grants.core.audit.AuditEntry;
import java.time.Duration;
import java.util.Optional;

/**
 * Where commit jobs are kept (outbound port). A programme has at most one unfinished job, so that
 * two clicks on "commit" can never write two runs of one decision.
 */
public interface CommitJobStore {

    /**
     * An unfinished job older than this no longer holds its programme: the worker's retries are over
     * by then (template.yaml: 15 minutes, retried twice), so it will never finish.
     */
    Duration ABANDONED_AFTER = Duration.ofHours(1);

    /**
     * Stores a new job, and its audit entry in the same transaction. The same job stored again (a
     * retried request) returns the job as stored, and records nothing.
     *
     * @throws grants.core.errors.ConflictException COMMIT_IN_PROGRESS while another job of the programme is unfinished
     */
    CommitJob start(CommitJob job, AuditEntry entry);

    Optional<CommitJob> find(String programmeId, String jobId);

    /** Saves the job's progress or its end; a finished job frees its programme for the next. */
    CommitJob update(CommitJob job);
}
