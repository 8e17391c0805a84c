package grants.testing;

import grants.core.exports.ExportIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ExportIndex} in memory. */
public final class InMemoryExportIndex implements ExportIndex {

    private final Map<String, List<String>> complete = new HashMap<>();

    @Override
    public synchronized void recordComplete(String programmeId, String runId, List<String> fileNames) {
        complete.put(programmeId + "/" + runId, List.copyOf(fileNames));
    }

    @Override
    public synchronized Optional<List<String>> files(String programmeId, String runId) {
        return Optional.ofNullable(complete.get(programmeId + "/" + runId));
    }
}
