package grants.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code export}: fetch a committed run's export files again, through the export API's links. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Downloads the export files of a committed run (payments, 360Giving, report, manifest) into DIR.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The committed run's id.")
    String runId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path outDirectory;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".grants-local",
            description = "Where the local AWS stack keeps its tables and objects (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Override
    public Integer call() throws IOException {
        try (LocalFunctions functions = LocalFunctions.start(stateDirectory)) {
            functions.deliverTableStream(); // finish any export a crash left undone
            Optional<String> programmeId = functions.programmeOfRun(runId);
            if (programmeId.isEmpty()) {
                System.err.println("--run: no committed run \"" + runId + "\" in " + stateDirectory.toAbsolutePath());
                return AllocateCommand.BAD_INPUT;
            }
            System.out.println("Export of run " + runId + " (" + programmeId.get() + "):");
            return ExportFiles.fetch(functions, programmeId.get(), runId, outDirectory, System.out, System.err) == null
                    ? 1 : 0;
        }
    }
}
