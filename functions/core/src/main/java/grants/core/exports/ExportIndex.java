package grants.core.exports;

import java.util.List;
import java.util.Optional;

/**
 * Which runs have a complete export, and its files (outbound port). Recorded after the manifest is
 * written, so whoever hands out links never needs to read the bucket itself.
 */
public interface ExportIndex {

    void recordComplete(String programmeId, String runId, List<String> fileNames);

    Optional<List<String>> files(String programmeId, String runId);
}
