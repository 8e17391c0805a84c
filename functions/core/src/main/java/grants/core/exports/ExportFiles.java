package grants.core.exports;

import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunFiles;
import grants.core.run.RunHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run's export files in the bucket: every file streamed while it is rendered, side by side, then
 * the manifest, whose presence means they are all there. The background commit's worker writes them
 * ahead, from the rows it holds; the export then finds them, rather than reading the rows back.
 */
public final class ExportFiles implements RunFiles {

    private final ExportRenderer renderer;
    private final ExportStore store;

    public ExportFiles(ExportRenderer renderer, ExportStore store) {
        this.renderer = renderer;
        this.store = store;
    }

    @Override
    public void writeAhead(Programme programme, AllocationRun run) {
        write(programme, run);
    }

    /** Every file, the manifest last (and last in the list). */
    List<WrittenFile> write(Programme programme, AllocationRun run) {
        return write(programme, run, List.of());
    }

    /** Every file and those of the programme's ledger beside them, the manifest last (and last in the list). */
    List<WrittenFile> write(Programme programme, AllocationRun run, List<FileRendering> ledgerFiles) {
        List<FileRendering> all = new ArrayList<>(renderer.files(programme, run));
        all.addAll(ledgerFiles);
        return manifestLast(run.header(), writeAll(prefix(run.header()), all));
    }

    /**
     * Files written ahead by the commit's worker (which knows nothing of the ledger), completed by the
     * ledger's files and a manifest naming them all: {@code writtenAhead} is without its manifest.
     */
    List<WrittenFile> complete(RunHeader header, List<WrittenFile> writtenAhead, List<FileRendering> ledgerFiles) {
        List<WrittenFile> files = new ArrayList<>(writtenAhead);
        files.addAll(writeAll(prefix(header), ledgerFiles));
        return manifestLast(header, files);
    }

    private List<WrittenFile> manifestLast(RunHeader header, List<WrittenFile> written) {
        List<WrittenFile> files = new ArrayList<>(written);
        ExportFile manifest = renderer.manifest(header, files);
        store.put(prefix(header) + manifest.name(), manifest); // the manifest is last: once it is there, all are
        files.add(manifest.written());
        return files;
    }

    private static String prefix(RunHeader header) {
        return ExportRenderer.prefix(header.programmeId(), header.runId());
    }

    /**
     * The files written ahead for this very header (the manifest names its commit time, input,
     * totals and every file's hash), with the manifest last; empty if there are none, or if they are
     * another attempt's.
     */
    Optional<List<WrittenFile>> writtenAhead(RunHeader header) {
        String prefix = ExportRenderer.prefix(header.programmeId(), header.runId());
        return store.get(prefix + ExportRenderer.MANIFEST).flatMap(manifest -> renderer.filesIn(header, manifest))
                .map(files -> {
                    List<WrittenFile> all = new ArrayList<>(files);
                    all.add(renderer.manifest(header, files).written()); // the same bytes: filesIn compared them
                    return all;
                });
    }

    /**
     * The files side by side, each streamed to the bucket while it is rendered, so the largest sets
     * the pace and none is held whole. If one fails, the others stop and are discarded.
     */
    private List<WrittenFile> writeAll(String prefix, List<FileRendering> files) {
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(files.size(), runnable -> {
            Thread thread = new Thread(runnable, "export-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<WrittenFile>> writes = new ArrayList<>();
            for (FileRendering file : files) {
                writes.add(writers.submit(() -> write(prefix, file, failed)));
            }
            List<WrittenFile> written = new ArrayList<>();
            RuntimeException firstFailure = null;
            for (Future<WrittenFile> write : writes) {
                try {
                    written.add(write.get());
                } catch (ExecutionException failure) {
                    if (firstFailure == null) {
                        firstFailure = failure.getCause() instanceof RuntimeException cause ? cause
                                : new IllegalStateException("an export file could not be written", failure.getCause());
                    }
                }
            }
            if (firstFailure != null) {
                throw firstFailure;
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.set(true);
            throw new IllegalStateException("interrupted while writing the export", e);
        } finally {
            writers.shutdown();
        }
    }

    private WrittenFile write(String prefix, FileRendering file, AtomicBoolean failed) {
        StreamedObject object = store.open(prefix + file.name(), file.contentType());
        try {
            HashingOutput out = new HashingOutput(object, failed::get);
            int rows = file.body().writeTo(out);
            object.complete();
            return new WrittenFile(file.name(), file.contentType(), out.count(), rows, out.sha256());
        } catch (IOException | RuntimeException e) {
            failed.set(true);
            object.abort();
            throw e instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("writing " + file.name() + " of the export", (IOException) e);
        }
    }

}
