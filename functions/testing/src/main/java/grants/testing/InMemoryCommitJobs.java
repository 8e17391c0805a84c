package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link CommitJobStore} in memory: one unfinished job a programme, as the table keeps it. */
public final class InMemoryCommitJobs implements CommitJobStore {

    private final Map<String, CommitJob> jobs = new HashMap<>();
    private final Map<String, CommitJob> committing = new HashMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryCommitJobs() {
        this(new InMemoryAuditTrail());
    }

    /** Recording started jobs' entries into a trail the test also reads. */
    public InMemoryCommitJobs(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public synchronized CommitJob start(CommitJob job, AuditEntry entry) {
        CommitJob same = jobs.get(key(job.programmeId(), job.jobId()));
        if (same != null) {
            return same;
        }
        CommitJob busy = committing.get(job.programmeId());
        if (busy != null && !busy.requestedAt().isBefore(job.requestedAt().minus(ABANDONED_AFTER))) {
            throw new ConflictException("COMMIT_IN_PROGRESS", "Programme \"" + job.programmeId()
                    + "\" is being committed by job " + busy.jobId() + ".");
        }
        jobs.put(key(job.programmeId(), job.jobId()), job);
        committing.put(job.programmeId(), job);
        trail.append(entry);
        return job;
    }

    @Override
    public synchronized Optional<CommitJob> find(String programmeId, String jobId) {
        return Optional.ofNullable(jobs.get(key(programmeId, jobId)));
    }

    @Override
    public synchronized CommitJob update(CommitJob job) {
        jobs.put(key(job.programmeId(), job.jobId()), job);
        CommitJob busy = committing.get(job.programmeId());
        if (job.finished() && busy != null && busy.jobId().equals(job.jobId())) {
            committing.remove(job.programmeId());
        }
        return job;
    }

    private static String key(String programmeId, String jobId) {
        return programmeId + "/" + jobId;
    }
}
