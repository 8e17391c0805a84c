package grants.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The lines of source files that match a pattern, as "path: line": what the scans of the sources report. */
final class SourceScan {

    private SourceScan() {
    }

    /** Every line matching {@code pattern} in the files below {@code root} that {@code which} keeps (given their path relative to root). */
    static List<String> matchingLines(Path root, Predicate<Path> which, Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> which.test(root.relativize(file)))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> pattern.matcher(line).find())
                            .map(line -> root.relativize(file) + ": " + line.strip()))
                    .toList();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
