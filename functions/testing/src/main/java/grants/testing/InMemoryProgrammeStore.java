package grants.testing;

import grants.core.errors.ConflictException;
import grants.core.programme.Programme;
import grants.core.run.ProgrammeStore;
import grants.core.run.ProgrammeSummary;
import grants.core.run.StoredProgramme;

import java.util.List;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link ProgrammeStore} in memory: versions and snapshots as the DynamoDB repository keeps them. */
public final class InMemoryProgrammeStore implements ProgrammeStore {

    private final Map<String, StoredProgramme> programmes = new HashMap<>();
    private final Map<String, Programme> snapshots = new HashMap<>();

    @Override
    public synchronized StoredProgramme save(Programme programme, String inputHash, OptionalLong expectedVersion) {
        StoredProgramme current = programmes.get(programme.programmeId());
        long version = current == null ? 0 : current.version();
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
            throw new ConflictException("PROGRAMME_CHANGED", "Programme \"" + programme.programmeId()
                    + "\" was changed by someone else meanwhile; read it again and retry.");
        }
        StoredProgramme stored = new StoredProgramme(programme, version + 1, inputHash,
                current == null ? java.util.Optional.empty() : java.util.Optional.of(current.inputHash()));
        programmes.put(programme.programmeId(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<StoredProgramme> load(String programmeId) {
        return Optional.ofNullable(programmes.get(programmeId));
    }

    @Override
    public synchronized List<ProgrammeSummary> list() {
        return programmes.values().stream().sorted(java.util.Comparator.comparing(p -> p.programme().programmeId()))
                .map(p -> new ProgrammeSummary(p.programme().programmeId(), p.programme().name(), p.version(), p.inputHash()))
                .toList();
    }

    @Override
    public synchronized boolean exists(String programmeId) {
        return programmes.containsKey(programmeId);
    }

    @Override
    public synchronized void saveSnapshot(Programme programme, String inputHash) {
        snapshots.putIfAbsent(programme.programmeId() + "/" + inputHash, programme);
    }

    @Override
    public synchronized Optional<Programme> snapshot(String programmeId, String inputHash) {
        return Optional.ofNullable(snapshots.get(programmeId + "/" + inputHash));
    }
}
