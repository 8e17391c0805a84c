package grants.core.run;

import grants.core.audit.AuditEntry;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.core.allocation.AssessedBases;
import grants.core.allocation.SeedChecks;
import grants.core.allocation.AllocationRow;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.programme.Programme;
import grants.core.programme.ProgrammeValidator;
import grants.core.programme.Submission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The programme manager's use cases: load a programme, change a submission, preview a run,
 * commit it once, and read committed runs. Storage is behind the two ports.
 */
public final class AllocationService {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int SUBMISSION_ATTEMPTS = 5;

    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final ProgrammeDocuments documents;
    private final Clock clock;
    private final RandomGenerator random;
    private final AssessedBases assessedBases;

    public AllocationService(ProgrammeStore programmes, AllocationRunStore runs, ProgrammeDocuments documents,
                             Clock clock, RandomGenerator random) {
        this(programmes, runs, documents, clock, random, AssessedBases.NONE);
    }

    /** With the partnerships' assessments, which the seed's basis check reads where they exist. */
    public AllocationService(ProgrammeStore programmes, AllocationRunStore runs, ProgrammeDocuments documents,
                             Clock clock, RandomGenerator random, AssessedBases assessedBases) {
        this.programmes = programmes;
        this.runs = runs;
        this.documents = documents;
        this.clock = clock;
        this.random = random;
        this.assessedBases = assessedBases;
    }

    /** The allocation a preview shows and a commit writes: the rules' figures and warnings, then the seed's checks. */
    public Allocation allocate(Programme programme) {
        return SeedChecks.allocate(programme, assessedBases.of(programme.programmeId()));
    }

    public StoredProgramme putProgramme(String programmeId, Programme programme) {
        if (!programme.programmeId().equals(programmeId)) {
            throw InvalidInputException.of("programmeId", "is \"" + programme.programmeId()
                    + "\" but the path names \"" + programmeId + "\"");
        }
        // Kept in canonical order (R10), so that every run of it starts from sorted lists.
        return programmes.save(programme.canonical(), documents.inputHash(programme), OptionalLong.empty());
    }

    /** Adds or replaces one submission; a concurrent change to another submission is retried, never lost. */
    public StoredProgramme putSubmission(String programmeId, Submission submission) {
        for (int attempt = 1; ; attempt++) {
            StoredProgramme stored = loadProgramme(programmeId);
            Programme changed = stored.programme().withSubmission(submission).canonical();
            ProgrammeValidator.check(changed);
            try {
                return programmes.save(changed, documents.inputHash(changed), OptionalLong.of(stored.version()));
            } catch (ConflictException concurrentChange) {
                if (attempt == SUBMISSION_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    public DryRun dryRun(String programmeId) {
        StoredProgramme stored = loadProgramme(programmeId);
        Allocation allocation = allocate(stored.programme());
        Optional<RunHeader> latest = runs.latest(programmeId);
        List<RunDifference> differences = latest
                .map(header -> differences(runs.rows(programmeId, header.runId()), allocation.rows()))
                .orElse(List.of());
        return new DryRun(programmeId, stored.inputHash(), AllocationEngine.RULES_VERSION, allocation,
                latest.map(RunHeader::runId), differences);
    }

    /**
     * Commits the run of the stored programme, once per decision: the request must confirm the
     * preview of the programme as it is now, and an input that a run already holds is committed
     * again only by saying which run it supersedes and why. A retried request with the same
     * Idempotency-Key returns the run the first one made.
     */
    public CommitResult commit(String programmeId, CommitRequest request, Optional<IdempotencyKey> idempotencyKey) {
        CommitCheck check = checkCommit(programmeId, request, idempotencyKey);
        if (check instanceof CommitCheck.Replay replay) {
            return replay.earlier();
        }
        return commitNow((CommitCheck.Allowed) check);
    }

    /** Writes the run a commit's checks allowed, within this call (not recorded: for tests and the benchmarks). */
    public CommitResult commitNow(CommitCheck.Allowed allowed) {
        return commitNow(allowed, null);
    }

    /**
     * Writes the run a commit's checks allowed, within this call; its audit entry, made from the
     * run's header, is written with the header, so the run is recorded exactly when it is visible.
     */
    public CommitResult commitNow(CommitCheck.Allowed allowed, Function<RunHeader, AuditEntry> recorded) {
        String programmeId = allowed.stored().programme().programmeId();
        Allocation allocation = allocate(allowed.stored().programme());
        RunHeader header = RunHeader.of(programmeId, allowed.runId(), clock.instant(), allowed.stored().inputHash(),
                allocation, allowed.supersedes());
        AllocationRun run = new AllocationRun(header, allocation.rows());
        RunHeader committed = recorded == null ? runs.commit(run) : runs.commit(run, recorded.apply(header));
        return new CommitResult(new AllocationRun(committed, allocation.rows()), false);
    }

    /** What the checks before a commit decided: nothing to do but answer as before, or a commit to make. */
    public sealed interface CommitCheck {
        /** A request with this Idempotency-Key committed already: the answer is that run. */
        record Replay(CommitResult earlier) implements CommitCheck {
        }

        /** The commit may go ahead under this run id; the programme's snapshot is saved. */
        record Allowed(StoredProgramme stored, String runId, Optional<CommitRequest.Supersession> supersedes)
                implements CommitCheck {
        }
    }

    /**
     * Everything a commit checks before it writes a row, for commits made here and in the
     * background alike; saves the snapshot the run will be computed from.
     */
    public CommitCheck checkCommit(String programmeId, CommitRequest request, Optional<IdempotencyKey> idempotencyKey) {
        StoredProgramme stored = loadProgramme(programmeId);
        String runId = newRunId(clock.instant());
        if (idempotencyKey.isPresent()) {
            IdempotencyClaim claim = runs.claim(programmeId, idempotencyKey.get().storageKey(),
                    new IdempotencyClaim(runId, stored.inputHash()));
            Optional<RunHeader> earlier = runs.header(programmeId, claim.runId());
            if (earlier.isPresent()) {
                // A retry is the same request: a different preview or supersession under this key is another commit.
                if (!earlier.get().inputHash().equals(request.previewInputHash())
                        || !earlier.get().supersedes().equals(request.supersedes())) {
                    throw idempotencyKey.get().reusedWithAnotherRequest();
                }
                return new CommitCheck.Replay(new CommitResult(
                        new AllocationRun(earlier.get(), runs.rows(programmeId, claim.runId())), true));
            }
            if (!claim.inputHash().equals(stored.inputHash())) {
                throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key \"" + idempotencyKey.get().value()
                        + "\" was first used when the programme was different, and that commit did not finish;"
                        + " use a new key to commit the programme as it is now.");
            }
            runId = claim.runId(); // an earlier attempt with this key was cut short: finish it under its id
        }
        confirmsTheProgrammeAsItIs(stored, request);
        Optional<CommitRequest.Supersession> supersedes = onceForThisInput(programmeId, stored, request);
        programmes.saveSnapshot(stored.programme(), stored.inputHash());
        return new CommitCheck.Allowed(stored, runId, supersedes);
    }

    /** An edit made between the preview and the commit must be previewed too: nothing is committed unseen. */
    private static void confirmsTheProgrammeAsItIs(StoredProgramme stored, CommitRequest request) {
        if (!stored.inputHash().equals(request.previewInputHash())) {
            throw new ConflictException("PROGRAMME_CHANGED_SINCE_PREVIEW", "Programme \"" + stored.programme().programmeId()
                    + "\" was changed after the preview you are confirming (preview of input " + request.previewInputHash()
                    + ", the programme is now " + stored.inputHash() + "); preview it again and commit that.");
        }
    }

    /**
     * The same input committed twice would pay twice (a second payment file, second notices), so a
     * second run of it must name the run it supersedes, with a reason; that is then recorded.
     */
    private Optional<CommitRequest.Supersession> onceForThisInput(String programmeId, StoredProgramme stored,
                                                                  CommitRequest request) {
        Optional<RunHeader> latest = runs.latest(programmeId);
        Optional<CommitRequest.Supersession> supersedes = request.supersedes();
        if (supersedes.isPresent()) {
            String named = supersedes.get().runId();
            if (latest.isEmpty() || !latest.get().runId().equals(named)) {
                throw new ConflictException("NOT_THE_LATEST_RUN", "A commit may supersede only the latest run"
                        + latest.map(run -> ", " + run.runId()).orElse(" (there is none yet)") + ", not \"" + named + "\".");
            }
            if (supersedes.get().reason() == null || supersedes.get().reason().isBlank()) {
                throw InvalidInputException.of("reason", "is required to supersede a run: it is recorded with the new run");
            }
            return supersedes;
        }
        if (latest.isPresent() && latest.get().inputHash().equals(stored.inputHash())) {
            throw new ConflictException("ALREADY_COMMITTED", "Run " + latest.get().runId() + " already holds this"
                    + " programme exactly as it is; nothing was committed and nothing will be paid or sent twice."
                    + " To replace that run deliberately, commit again saying it supersedes " + latest.get().runId()
                    + " and why.");
        }
        return Optional.empty();
    }

    public List<ProgrammeSummary> listProgrammes() {
        return programmes.list();
    }

    public List<RunHeader> listRuns(String programmeId) {
        if (!programmes.exists(programmeId)) {
            throw programmeNotFound(programmeId);
        }
        return runs.list(programmeId);
    }

    public AllocationRun run(String programmeId, String runId) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow(() -> runNotFound(programmeId, runId));
        return new AllocationRun(header, runs.rows(programmeId, runId));
    }

    /** A committed run's header with one page of its rows (at most {@code limit}, after the partnership named). */
    public AllocationRun runPage(String programmeId, String runId, Optional<String> afterPartnershipId, int limit) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow(() -> runNotFound(programmeId, runId));
        return new AllocationRun(header, runs.rows(programmeId, runId, afterPartnershipId, limit));
    }

    public AllocationRow row(String programmeId, String runId, String partnershipId) {
        runs.header(programmeId, runId).orElseThrow(() -> runNotFound(programmeId, runId));
        return runs.row(programmeId, runId, partnershipId).orElseThrow(() -> new NotFoundException(
                "Run " + runId + " has no row for partnership \"" + partnershipId + "\"."));
    }

    private StoredProgramme loadProgramme(String programmeId) {
        return programmes.load(programmeId).orElseThrow(() -> programmeNotFound(programmeId));
    }

    private static NotFoundException programmeNotFound(String programmeId) {
        return new NotFoundException("There is no programme \"" + programmeId + "\"; load it first.");
    }

    private static NotFoundException runNotFound(String programmeId, String runId) {
        return new NotFoundException("Programme \"" + programmeId + "\" has no committed run \"" + runId + "\".");
    }

    /** Sortable by time, so the newest run is the last key; the suffix keeps simultaneous runs apart. */
    private String newRunId(Instant now) {
        return RUN_ID_TIME.format(now) + "-" + String.format("%06x", random.nextInt(0x1000000));
    }

    private static List<RunDifference> differences(List<AllocationRow> previous, List<AllocationRow> current) {
        Map<String, AllocationRow> before = previous.stream()
                .collect(Collectors.toMap(AllocationRow::partnershipId, Function.identity()));
        Map<String, AllocationRow> after = current.stream()
                .collect(Collectors.toMap(AllocationRow::partnershipId, Function.identity()));
        List<RunDifference> differences = new ArrayList<>();
        for (String id : union(before, after)) {
            AllocationRow was = before.get(id);
            AllocationRow now = after.get(id);
            differences.add(new RunDifference(id, was == null ? null : was.status(), now == null ? null : now.status(),
                    was == null ? 0 : was.finalGrantPence(), now == null ? 0 : now.finalGrantPence()));
        }
        return differences;
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        return ids;
    }
}
