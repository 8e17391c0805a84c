package grants.testing;

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
import java.util.TreeMap;

/** {@link AllocationRunStore} in memory: runs immutable once committed, the first claim of a key winning. */
public final class InMemoryRunStore implements AllocationRunStore {

    private final Map<String, TreeMap<String, AllocationRun>> runs = new HashMap<>();
    private final Map<String, IdempotencyClaim> claims = new HashMap<>();

    @Override
    public synchronized RunHeader commit(AllocationRun run) {
        RunHeader header = run.header();
        return runs.computeIfAbsent(header.programmeId(), id -> new TreeMap<>())
                .computeIfAbsent(header.runId(), id -> run).header();
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
