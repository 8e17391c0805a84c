package grants.core.exports;

import grants.core.programme.Programme;
import grants.core.run.AllocationRun;

import java.util.List;

/**
 * Renders every file a committed run exports (outbound port: the file formats live outside the
 * core, in {@code functions/documents}). The same run must always give the same bytes.
 */
public interface ExportRenderer {

    /** In the order they are written; the manifest last, since its presence means the export is complete. */
    List<ExportFile> render(Programme programme, AllocationRun run);

    /** Where a run's export lives in the bucket. */
    static String prefix(String programmeId, String runId) {
        return "exports/" + programmeId + "/" + runId + "/";
    }
}
