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
        List<OnePass> all = new ArrayList<>(renderer.files(programme, run));
        ledgerFiles.forEach(file -> all.add(OnePass.of(file)));
        return manifestLast(run.header(), writeAll(prefix(run.header()), all));
    }

    /**
     * Files written ahead by the commit's worker (which knows nothing of the ledger), completed by the
     * ledger's files and a manifest naming them all: {@code writtenAhead} is without its manifest.
     */
    List<WrittenFile> complete(RunHeader header, List<WrittenFile> writtenAhead, List<FileRendering> ledgerFiles) {
        List<WrittenFile> files = new ArrayList<>(writtenAhead);
        files.addAll(writeAll(prefix(header), ledgerFiles.stream().map(OnePass::of).toList()));
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
     * The passes side by side, each streaming its files to the bucket while it renders them, so the
     * largest sets the pace and none is held whole. If one fails, the others stop and are discarded.
     */
    private List<WrittenFile> writeAll(String prefix, List<OnePass> passes) {
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(passes.size(), runnable -> {
            Thread thread = new Thread(runnable, "export-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<WrittenFile>>> writes = new ArrayList<>();
            for (OnePass pass : passes) {
                writes.add(writers.submit(() -> write(prefix, pass, failed)));
            }
            List<WrittenFile> written = new ArrayList<>();
            RuntimeException firstFailure = null;
            for (Future<List<WrittenFile>> write : writes) {
                try {
                    written.addAll(write.get());
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

    /** One pass's files, each complete only once all of the pass's are rendered; all aborted if any fails. */
    private List<WrittenFile> write(String prefix, OnePass pass, AtomicBoolean failed) {
        List<StreamedObject> objects = new ArrayList<>();
        List<HashingOutput> outs = new ArrayList<>();
        int completed = 0;
        try {
            for (OnePass.Target file : pass.files()) {
                StreamedObject object = store.open(prefix + file.name(), file.contentType());
                objects.add(object);
                outs.add(new HashingOutput(object, failed::get));
            }
            int[] rows = pass.body().writeTo(outs);
            List<WrittenFile> written = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                objects.get(i).complete();
                completed++;
                OnePass.Target file = pass.files().get(i);
                written.add(new WrittenFile(file.name(), file.contentType(), outs.get(i).count(), rows[i],
                        outs.get(i).sha256()));
            }
            return written;
        } catch (IOException | RuntimeException e) {
            failed.set(true);
            objects.subList(completed, objects.size()).forEach(StreamedObject::abort); // the manifest names none
            String names = String.join(", ", pass.files().stream().map(OnePass.Target::name).toList());
            throw e instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("writing " + names + " of the export", (IOException) e);
        }
    }

}
