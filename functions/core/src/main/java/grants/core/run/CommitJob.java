package grants.core.run;

import java.time.Instant;
import java.util.Optional;

/**
 * A commit too large to finish within one HTTP request, done in the background: which run it
 * writes (its id is the run's id), the preview it confirms, who asked, and how far it has got.
 */
public record CommitJob(String programmeId, String jobId, String inputHash,
                        Optional<CommitRequest.Supersession> supersedes, String requestedBy, String requestedByEmail,
                        Instant requestedAt, State state, int rowsWritten, int rowsTotal, Optional<String> failure) {

    /** QUEUED until the worker starts; RUNNING while rows are written; DONE once the run is visible. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** The run the job writes: a job commits exactly one run, under its own id. */
    public String runId() {
        return jobId;
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    CommitJob running(int written) {
        return with(State.RUNNING, written, Optional.empty());
    }

    CommitJob done() {
        return with(State.DONE, rowsTotal, Optional.empty());
    }

    CommitJob failed(String why) {
        return with(State.FAILED, rowsWritten, Optional.of(why));
    }

    private CommitJob with(State newState, int written, Optional<String> why) {
        return new CommitJob(programmeId, jobId, inputHash, supersedes, requestedBy, requestedByEmail, requestedAt,
                newState, written, rowsTotal, why);
    }
}
