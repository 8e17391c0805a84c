package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.allocation.AllocationRow;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.programme.Submission;
import grants.core.run.AllocationRunStore;
import grants.core.run.AllocationService;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobs;
import grants.core.run.CommitRequest;
import grants.core.run.IdempotencyClaim;
import grants.core.run.IdempotencyKey;
import grants.core.run.RunHeader;
import grants.documents.JsonProgrammeDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static grants.testing.TestProgrammes.WEST_MIDLANDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commits in the background, on in-memory stores: above the size limit a commit is checked at once
 * and queued, its run invisible until the worker has written every row, and a worker cut short
 * resumes without writing any row twice.
 */
class CommitJobsTest {

    private static final Actor MANAGER = Actor.system("manager@wm.example", Role.PROGRAMME_MANAGER);
    /** An edit: the programme is then a different input from the one previewed. */
    private static final Submission RUGBY_RETITLED = new Submission("rugby", "Rugby project, retitled",
            Submission.Basis.SELF_ASSESSMENT, List.of());

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryRunStore runs = new InMemoryRunStore(trail);
    private final InMemoryCommitJobs jobs = new InMemoryCommitJobs(trail);
    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(),
            clock, new Random(7));

    @BeforeEach
    void westMidlandsLoaded() {
        allocations.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));
    }

    /** The West Midlands' 38 partnerships count as large when the limit is below 38. */
    private CommitJobs committingInTheBackgroundAbove(int partnerships, AllocationRunStore store) {
        return new CommitJobs(allocations, programmes, store, jobs, clock, partnerships);
    }

    private CommitRequest confirmingThePreview() {
        return CommitRequest.confirming(allocations.dryRun("wm").inputHash());
    }

    @Test
    void aProgrammeWithinTheLimitIsCommittedAtOnce() {
        CommitJobs.Outcome outcome = committingInTheBackgroundAbove(38, runs)
                .commit("wm", confirmingThePreview(), Optional.empty(), MANAGER);

        assertThat(outcome).isInstanceOf(CommitJobs.Outcome.Committed.class);
        assertThat(allocations.listRuns("wm")).hasSize(1);
    }

    @Test
    void aLargerProgrammeIsQueuedAndItsRunAppearsWholeOnlyWhenTheWorkerHasWrittenIt() {
        CommitJobs commits = committingInTheBackgroundAbove(37, runs);

        CommitJob queued = ((CommitJobs.Outcome.Queued) commits.commit("wm", confirmingThePreview(), Optional.empty(),
                MANAGER)).job();

        assertThat(queued.state()).isEqualTo(CommitJob.State.QUEUED);
        assertThat(queued.rowsTotal()).isEqualTo(38);
        assertThat(allocations.listRuns("wm")).as("nothing visible before the worker").isEmpty();

        CommitJob done = commits.work("wm", queued.jobId());

        assertThat(done.state()).isEqualTo(CommitJob.State.DONE);
        assertThat(done.rowsWritten()).isEqualTo(38);
        RunHeader run = allocations.listRuns("wm").get(0);
        assertThat(run.runId()).isEqualTo(queued.runId());
        assertThat(run.totals().finalGrantsPence()).isEqualTo(37_240_000);
        assertThat(allocations.run("wm", run.runId()).rows()).hasSize(38);
        AuditEntry committed = trail.page("wm", Optional.empty(), 1).entries().get(0);
        assertThat(committed.action()).isEqualTo("RUN_COMMITTED");
        assertThat(committed.actorEmail()).as("recorded as the manager's, not the worker's").isEqualTo("manager@wm.example");
        assertThat(commits.work("wm", queued.jobId())).as("a finished job is left as it is").isEqualTo(done);
    }

    @Test
    void aWorkerCutShortResumesWithoutWritingAnyRowTwice() {
        CutShortOnce store = new CutShortOnce(runs, 15);
        CommitJobs commits = committingInTheBackgroundAbove(10, store);
        CommitJob queued = ((CommitJobs.Outcome.Queued) commits.commit("wm", confirmingThePreview(), Optional.empty(),
                MANAGER)).job();

        assertThatThrownBy(() -> commits.work("wm", queued.jobId())).hasMessageContaining("connection reset");

        assertThat(commits.job("wm", queued.jobId()).state()).isEqualTo(CommitJob.State.RUNNING);
        assertThat(runs.writtenRowIds("wm", queued.runId())).hasSize(15);
        assertThat(allocations.listRuns("wm")).as("a run half written stays invisible").isEmpty();

        CommitJob resumed = commits.work("wm", queued.jobId());

        assertThat(resumed.state()).isEqualTo(CommitJob.State.DONE);
        List<AllocationRow> rows = allocations.run("wm", queued.runId()).rows();
        assertThat(rows).hasSize(38);
        assertThat(rows).allSatisfy(row -> assertThat(runs.timesWritten("wm", queued.runId(), row.partnershipId()))
                .as(row.partnershipId()).isEqualTo(1));
    }

    @Test
    void aSecondCommitWaitsForTheFirstButTheSameRequestRetriedGetsTheSameJob() {
        CommitJobs commits = committingInTheBackgroundAbove(10, runs);
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("commit-1"));
        CommitJob first = ((CommitJobs.Outcome.Queued) commits.commit("wm", confirmingThePreview(), key, MANAGER)).job();

        CommitJobs.Outcome retried = commits.commit("wm", confirmingThePreview(), key, MANAGER);
        assertThat(retried).isEqualTo(new CommitJobs.Outcome.Queued(first, true));

        allocations.putSubmission("wm", RUGBY_RETITLED);
        CommitRequest another = confirmingThePreview();
        assertThatThrownBy(() -> commits.commit("wm", another, Optional.empty(), MANAGER))
                .isInstanceOfSatisfying(ConflictException.class, conflict ->
                        assertThat(conflict.code()).isEqualTo("COMMIT_IN_PROGRESS"));

        commits.work("wm", first.jobId());
        assertThat(commits.commit("wm", another, Optional.empty(), MANAGER)).as("free once the first is done")
                .isInstanceOf(CommitJobs.Outcome.Queued.class);
    }

    @Test
    void theRunIsOfTheProgrammeAsPreviewedEvenIfItIsEditedWhileQueued() {
        CommitJobs commits = committingInTheBackgroundAbove(10, runs);
        CommitRequest preview = confirmingThePreview();
        CommitJob queued = ((CommitJobs.Outcome.Queued) commits.commit("wm", preview, Optional.empty(), MANAGER)).job();

        allocations.putSubmission("wm", RUGBY_RETITLED);
        commits.work("wm", queued.jobId());

        RunHeader run = allocations.listRuns("wm").get(0);
        assertThat(run.inputHash()).isEqualTo(preview.previewInputHash())
                .isNotEqualTo(allocations.dryRun("wm").inputHash());
    }

    @Test
    void aJobAbandonedForAnHourNoLongerHoldsTheProgramme() {
        CommitJobs commits = committingInTheBackgroundAbove(10, runs);
        commits.commit("wm", confirmingThePreview(), Optional.empty(), MANAGER);
        allocations.putSubmission("wm", RUGBY_RETITLED);

        clock.set(clock.instant().plus(java.time.Duration.ofMinutes(61)));

        assertThat(commits.commit("wm", confirmingThePreview(), Optional.empty(), MANAGER))
                .isInstanceOf(CommitJobs.Outcome.Queued.class);
    }

    /** A run store whose first write of rows stops part-way, as a worker's timeout would stop it. */
    private static final class CutShortOnce implements AllocationRunStore {
        private final InMemoryRunStore store;
        private final int rowsBeforeTheCut;
        private boolean cut;

        CutShortOnce(InMemoryRunStore store, int rowsBeforeTheCut) {
            this.store = store;
            this.rowsBeforeTheCut = rowsBeforeTheCut;
        }

        @Override
        public void writeRows(RunHeader header, List<AllocationRow> rows) {
            if (!cut) {
                cut = true;
                store.writeRows(header, rows.subList(0, rowsBeforeTheCut));
                throw new IllegalStateException("connection reset");
            }
            store.writeRows(header, rows);
        }

        @Override
        public Set<String> writtenRowIds(String programmeId, String runId) {
            return store.writtenRowIds(programmeId, runId);
        }

        @Override
        public RunHeader publish(RunHeader header, int rowCount) {
            return store.publish(header, rowCount);
        }

        @Override
        public RunHeader publish(RunHeader header, int rowCount, grants.core.audit.AuditEntry entry) {
            return store.publish(header, rowCount, entry);
        }

        @Override
        public List<RunHeader> list(String programmeId) {
            return store.list(programmeId);
        }

        @Override
        public Optional<RunHeader> latest(String programmeId) {
            return store.latest(programmeId);
        }

        @Override
        public Optional<RunHeader> header(String programmeId, String runId) {
            return store.header(programmeId, runId);
        }

        @Override
        public List<AllocationRow> rows(String programmeId, String runId) {
            return store.rows(programmeId, runId);
        }

        @Override
        public Optional<AllocationRow> row(String programmeId, String runId, String partnershipId) {
            return store.row(programmeId, runId, partnershipId);
        }

        @Override
        public List<AllocationRow> rows(String programmeId, String runId, Optional<String> after, int limit) {
            return store.rows(programmeId, runId, after, limit);
        }

        @Override
        public IdempotencyClaim claim(String programmeId, String idempotencyKey, IdempotencyClaim proposed) {
            return store.claim(programmeId, idempotencyKey, proposed);
        }
    }

    @Test
    void aCommitsIdempotencyKeyIsTheCallersAndBoundToItsRequest() {
        CommitJobs commits = committingInTheBackgroundAbove(38, runs);
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("commit-1"));
        CommitJobs.Outcome.Committed first = (CommitJobs.Outcome.Committed) commits.commit("wm", confirmingThePreview(),
                key, MANAGER);
        CommitJobs.Outcome.Committed retried = (CommitJobs.Outcome.Committed) commits.commit("wm", confirmingThePreview(),
                key, MANAGER);
        assertThat(retried.result().replayed()).as("the same caller and request replay").isTrue();
        assertThat(retried.result().run().header().runId()).isEqualTo(first.result().run().header().runId());

        CommitRequest superseding = new CommitRequest(allocations.dryRun("wm").inputHash(), Optional.of(
                new CommitRequest.Supersession(first.result().run().header().runId(), "Corrected Rugby's claim.")));
        assertThatThrownBy(() -> commits.commit("wm", superseding, key, MANAGER)).as("the same key, another body")
                .isInstanceOf(ConflictException.class).hasMessageContaining("Idempotency-Key header \"commit-1\"");

        Actor another = Actor.system("second-manager@wm.example", Role.PROGRAMME_MANAGER);
        assertThatThrownBy(() -> commits.commit("wm", confirmingThePreview(), key, another))
                .as("another manager's same key is their own commit: refused as a second run of the same input,"
                        + " not answered with the first manager's").isInstanceOf(ConflictException.class)
                .hasMessageNotContaining("Idempotency-Key");
        CommitJobs.Outcome.Committed theirs = (CommitJobs.Outcome.Committed) commits.commit("wm", superseding, key, another);
        assertThat(theirs.result().replayed()).isFalse();
        assertThat(theirs.result().run().header().runId()).isNotEqualTo(first.result().run().header().runId());
    }
}
