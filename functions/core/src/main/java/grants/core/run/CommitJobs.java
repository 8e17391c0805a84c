package grants.core.run;

import grants.core.audit.AuditEntry;
import grants.core.access.Actor;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationRow;
import grants.core.errors.NotFoundException;
import grants.core.money.Money;
import grants.core.programme.Programme;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commits that outgrow an HTTP request. A programme of more than {@code backgroundAbove}
 * partnerships is checked at once, exactly as a commit made within the request is, and then
 * written by a worker: rows in steps, progress saved after each step, the header last, so the run
 * is invisible until whole. A worker cut short resumes where it stopped and writes no row twice.
 */
public final class CommitJobs {

    /**
     * Programmes of more partnerships than this are committed in the background unless configured
     * otherwise: 5,000 rows take a few seconds to write, well inside the HTTP API's 30 s.
     */
    public static final int DEFAULT_BACKGROUND_ABOVE = 5_000;

    /** Rows written between two saves of progress: twenty for a national programme of 100,000. */
    static final int ROWS_PER_STEP = 5_000;

    private final AllocationService allocations;
    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final CommitJobStore jobs;
    private final Clock clock;
    private final int backgroundAbove;
    private final RunFiles files;

    public CommitJobs(AllocationService allocations, ProgrammeStore programmes, AllocationRunStore runs,
                      CommitJobStore jobs, Clock clock, int backgroundAbove) {
        this(allocations, programmes, runs, jobs, clock, backgroundAbove, RunFiles.NONE);
    }

    /** With the run's files written ahead by the worker, from the rows it holds (see {@link RunFiles}). */
    public CommitJobs(AllocationService allocations, ProgrammeStore programmes, AllocationRunStore runs,
                      CommitJobStore jobs, Clock clock, int backgroundAbove, RunFiles files) {
        this.files = files;
        this.allocations = allocations;
        this.programmes = programmes;
        this.runs = runs;
        this.jobs = jobs;
        this.clock = clock;
        this.backgroundAbove = backgroundAbove;
    }

    /** How a commit was answered: the run, written now, or the job that will write it. */
    public sealed interface Outcome {
        record Committed(CommitResult result) implements Outcome {
        }

        /** {@code replayed}: started by an earlier attempt of the same request (same Idempotency-Key). */
        record Queued(CommitJob job, boolean replayed) implements Outcome {
        }
    }

    /**
     * Commits a small programme now, and queues a large one's commit; either way after every check,
     * and recorded in the audit trail as the caller's by the store, in the transaction that makes the
     * run visible or starts its job (a retried request is not recorded again).
     */
    public Outcome commit(String programmeId, CommitRequest request, Optional<IdempotencyKey> idempotencyKey,
                          Actor actor) {
        // The key is the caller's: another manager's same key never answers with this caller's commit.
        AllocationService.CommitCheck check = allocations.checkCommit(programmeId, request,
                idempotencyKey.map(key -> key.forCaller(actor.subject())));
        if (check instanceof AllocationService.CommitCheck.Replay replay) {
            return new Outcome.Committed(replay.earlier());
        }
        AllocationService.CommitCheck.Allowed allowed = (AllocationService.CommitCheck.Allowed) check;
        Programme programme = allowed.stored().programme();
        if (programme.partnerships().size() <= backgroundAbove) {
            CommitResult result = allocations.commitNow(allowed, header -> committed(actor, header, ""));
            return new Outcome.Committed(result);
        }
        Optional<CommitJob> earlier = jobs.find(programmeId, allowed.runId());
        if (earlier.isPresent()) {
            if (!earlier.get().supersedes().equals(allowed.supersedes()) && idempotencyKey.isPresent()) {
                throw idempotencyKey.get().reusedWithAnotherRequest();
            }
            return new Outcome.Queued(earlier.get(), true); // the same request again (its Idempotency-Key)
        }
        CommitJob queued = new CommitJob(programmeId, allowed.runId(), allowed.stored().inputHash(),
                allowed.supersedes(), actor.subject(), actor.email(), clock.instant(), CommitJob.State.QUEUED, 0,
                programme.partnerships().size(), Optional.empty());
        CommitJob started = jobs.start(queued, AuditEntry.by(actor, clock.instant(), programmeId, "RUN_COMMIT_STARTED",
                "run " + queued.runId(), supersession(queued.supersedes()), "input " + queued.inputHash() + ", "
                        + queued.rowsTotal() + " partnerships, written in the background as job " + queued.jobId()));
        return new Outcome.Queued(started, false);
    }

    public CommitJob job(String programmeId, String jobId) {
        return jobs.find(programmeId, jobId).orElseThrow(() -> new NotFoundException(
                "Programme \"" + programmeId + "\" has no commit job \"" + jobId + "\"."));
    }

    /**
     * Does the job's work, or what an interrupted worker left of it; a finished job is left as it is.
     * Failures of the store are thrown, for the worker to be run again; a job that can never finish
     * is marked FAILED with the reason.
     */
    public CommitJob work(String programmeId, String jobId) {
        CommitJob job = job(programmeId, jobId);
        if (job.finished()) {
            return job;
        }
        if (runs.header(programmeId, job.runId()).isPresent()) {
            return jobs.update(job.done()); // published, then cut short before saying so
        }
        if (clock.instant().isAfter(job.requestedAt().plus(CommitJobStore.ABANDONED_AFTER))) {
            // Its programme is free for another commit by now, which must not be joined by this one.
            return jobs.update(job.failed("Not written: the job waited more than "
                    + CommitJobStore.ABANDONED_AFTER.toMinutes() + " minutes to finish; preview and commit again."));
        }
        Optional<Programme> snapshot = programmes.snapshot(programmeId, job.inputHash());
        if (snapshot.isEmpty()) {
            return jobs.update(job.failed("The programme as previewed (input " + job.inputHash()
                    + ") is no longer stored; preview it again and commit that."));
        }
        Allocation allocation = allocations.allocate(snapshot.get());
        RunHeader header = RunHeader.of(programmeId, job.runId(), clock.instant(), job.inputHash(), allocation,
                job.supersedes());
        Set<String> written = runs.writtenRowIds(programmeId, job.runId());
        List<AllocationRow> left = allocation.rows().stream().filter(row -> !written.contains(row.partnershipId())).toList();
        int done = allocation.rows().size() - left.size();
        job = jobs.update(job.running(done));
        for (int from = 0; from < left.size(); from += ROWS_PER_STEP) {
            List<AllocationRow> step = left.subList(from, Math.min(from + ROWS_PER_STEP, left.size()));
            runs.writeRows(header, step);
            done += step.size();
            job = jobs.update(job.running(done));
        }
        writeFilesAhead(snapshot.get(), new AllocationRun(header, allocation.rows()));
        runs.publish(header, allocation.rows().size(), committed(requester(job), header, ", in the background as job " + jobId));
        return jobs.update(job.done());
    }

    /** A failure here costs only time: the export, triggered by the publication, renders the run itself. */
    private void writeFilesAhead(Programme programme, AllocationRun run) {
        try {
            files.writeAhead(programme, run);
        } catch (RuntimeException notWritten) {
            System.err.println("the files of run " + run.header().runId() + " were not written ahead (" + notWritten
                    + "); the export will render them from the table");
        }
    }

    /** The run's entry, written by the store with its header (not again by a repeat). */
    private AuditEntry committed(Actor actor, RunHeader committed, String how) {
        return AuditEntry.by(actor, clock.instant(), committed.programmeId(), "RUN_COMMITTED", "run " + committed.runId(),
                supersession(committed.supersedes()), "input " + committed.inputHash() + ", " + committed.totals().funded()
                        + " funded, final grants " + Money.pounds(committed.totals().finalGrantsPence()) + how);
    }

    private static String supersession(Optional<CommitRequest.Supersession> supersedes) {
        return supersedes.map(s -> "supersedes run " + s.runId() + ": " + s.reason()).orElse(null);
    }

    /** The manager who asked for the commit: the run is recorded as theirs, not the worker's. */
    private static Actor requester(CommitJob job) {
        return new Actor(job.requestedBy(), job.requestedByEmail(), Set.of(), Optional.empty(), Optional.empty());
    }
}
