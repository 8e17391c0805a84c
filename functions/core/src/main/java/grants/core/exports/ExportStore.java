package grants.core.exports;

import java.util.Optional;

/** Where export files are kept (outbound port): the export bucket. */
public interface ExportStore {

    /** Writes an object, replacing any with the same key; encrypted at rest. */
    void put(String key, ExportFile file);

    Optional<byte[]> get(String key);
}
