package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.allocation.AllocationRow;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.IdempotencyClaim;
import grants.core.run.RunHeader;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@link AllocationRunStore} in memory: runs immutable once committed, the first claim of a key winning. */
public final class InMemoryRunStore implements AllocationRunStore {

    private final Map<String, TreeMap<String, AllocationRun>> runs = new HashMap<>();
    private final Map<String, IdempotencyClaim> claims = new HashMap<>();

    /** Rows written and not yet published, by programme and run; how many times each row was written. */
    private final Map<String, TreeMap<String, AllocationRow>> unpublished = new HashMap<>();
    private final Map<String, Integer> rowWrites = new HashMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryRunStore() {
        this(new InMemoryAuditTrail());
    }

    /** Recording published runs' entries into a trail the test also reads. */
    public InMemoryRunStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public synchronized void writeRows(RunHeader header, List<AllocationRow> rows) {
        TreeMap<String, AllocationRow> written = unpublished.computeIfAbsent(runKey(header.programmeId(), header.runId()),
                key -> new TreeMap<>());
        for (AllocationRow row : rows) {
            written.put(row.partnershipId(), row);
            rowWrites.merge(runKey(header.programmeId(), header.runId()) + "/" + row.partnershipId(), 1, Integer::sum);
        }
    }

    @Override
    public synchronized Set<String> writtenRowIds(String programmeId, String runId) {
        AllocationRun published = runsOf(programmeId).get(runId);
        if (published != null) {
            return published.rows().stream().map(AllocationRow::partnershipId).collect(Collectors.toSet());
        }
        return Set.copyOf(unpublished.getOrDefault(runKey(programmeId, runId), new TreeMap<>()).keySet());
    }

    @Override
    public synchronized RunHeader publish(RunHeader header, int rowCount, AuditEntry entry) {
        boolean isNew = runsOf(header.programmeId()).get(header.runId()) == null;
        RunHeader published = publish(header, rowCount);
        if (isNew) {
            trail.append(entry);
        }
        return published;
    }

    @Override
    public synchronized RunHeader publish(RunHeader header, int rowCount) {
        TreeMap<String, AllocationRow> written = unpublished.getOrDefault(runKey(header.programmeId(), header.runId()),
                new TreeMap<>());
        if (written.size() != rowCount) {
            throw new IllegalStateException("publishing run " + header.runId() + " with " + written.size() + " of "
                    + rowCount + " rows written");
        }
        return runs.computeIfAbsent(header.programmeId(), id -> new TreeMap<>())
                .computeIfAbsent(header.runId(), id -> new AllocationRun(header, List.copyOf(written.values()))).header();
    }

    /** How many times the store was asked to write this row: a resumed commit must make it one. */
    public synchronized int timesWritten(String programmeId, String runId, String partnershipId) {
        return rowWrites.getOrDefault(runKey(programmeId, runId) + "/" + partnershipId, 0);
    }

    private static String runKey(String programmeId, String runId) {
        return programmeId + "/" + runId;
    }

    @Override
    public synchronized List<RunHeader> list(String programmeId) {
        return runsOf(programmeId).descendingMap().values().stream().map(AllocationRun::header).toList();
    }

    @Override
    public synchronized Optional<RunHeader> latest(String programmeId) {
        return list(programmeId).stream().findFirst();
    }

    @Override
    public synchronized Optional<RunHeader> header(String programmeId, String runId) {
        return Optional.ofNullable(runsOf(programmeId).get(runId)).map(AllocationRun::header);
    }

    @Override
    public synchronized List<AllocationRow> rows(String programmeId, String runId, Optional<String> afterPartnershipId,
                                                 int limit) {
        return rows(programmeId, runId).stream()
                .filter(row -> afterPartnershipId.map(after -> row.partnershipId().compareTo(after) > 0).orElse(true))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<AllocationRow> rows(String programmeId, String runId) {
        AllocationRun run = runsOf(programmeId).get(runId);
        return run == null ? List.of()
                : run.rows().stream().sorted(Comparator.comparing(AllocationRow::partnershipId)).toList();
    }

    @Override
    public synchronized Optional<AllocationRow> row(String programmeId, String runId, String partnershipId) {
        return rows(programmeId, runId).stream().filter(row -> row.partnershipId().equals(partnershipId)).findFirst();
    }

    @Override
    public synchronized IdempotencyClaim claim(String programmeId, String idempotencyKey, IdempotencyClaim proposed) {
        return claims.computeIfAbsent(programmeId + "/" + idempotencyKey, key -> proposed);
    }

    private TreeMap<String, AllocationRun> runsOf(String programmeId) {
        return runs.getOrDefault(programmeId, new TreeMap<>());
    }
}
