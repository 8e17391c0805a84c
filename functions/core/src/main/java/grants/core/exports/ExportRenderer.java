package grants.core.exports;

import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders every file a committed run exports (outbound port: the file formats live outside the
 * core, in {@code functions/documents}). The same run must always give the same bytes.
 */
public interface ExportRenderer {

    /** The file whose presence means an export is complete. */
    String MANIFEST = "manifest.json";

    /**
     * Every file but the manifest, in the manifest's order, in passes: each pass renders its files
     * when its body is written (the passes side by side, if the caller likes).
     */
    List<OnePass> files(Programme programme, AllocationRun run);

    /** The programme's {@code budget.csv} and {@code ledger.csv}, as the export's ledger read them. */
    List<FileRendering> ledgerFiles(ExportLedger.Read ledger);

    /** The manifest of the files written: written last, since its presence means the export is complete. */
    ExportFile manifest(RunHeader header, List<WrittenFile> files);

    /**
     * The files a stored manifest lists, if it is this header's: the manifest {@link #manifest} would
     * write for them, byte for byte. Empty if it is not (another attempt's commit time, say).
     */
    Optional<List<WrittenFile>> filesIn(RunHeader header, byte[] manifest);

    /** Every file in memory, the manifest last: for small runs and for reading the files in tests. */
    default List<ExportFile> render(Programme programme, AllocationRun run) {
        List<ExportFile> files = new ArrayList<>();
        for (OnePass pass : files(programme, run)) {
            files.addAll(inMemory(pass));
        }
        files.add(manifest(run.header(), files.stream().map(ExportFile::written).toList()));
        return files;
    }

    /** A pass's files rendered in memory. */
    static List<ExportFile> inMemory(OnePass pass) {
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        pass.files().forEach(file -> outs.add(new ByteArrayOutputStream()));
        try {
            int[] rows = pass.body().writeTo(outs);
            List<ExportFile> files = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                OnePass.Target file = pass.files().get(i);
                files.add(new ExportFile(file.name(), file.contentType(), outs.get(i).toByteArray(), rows[i]));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a run's export lives in the bucket. */
    static String prefix(String programmeId, String runId) {
        return "exports/" + programmeId + "/" + runId + "/";
    }
}
