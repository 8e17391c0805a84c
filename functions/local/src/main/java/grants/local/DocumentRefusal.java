package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.GrantsException;
import grants.core.errors.Problem;
import grants.documents.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** How a command says a document was refused whole: the sentence, then each problem by its field; exit code 2. */
final class DocumentRefusal {

    private DocumentRefusal() {
    }

    /**
     * The document in {@code file} as {@code reader} reads it, or empty once what was wrong is printed: no such
     * file (named by its {@code option}), or every problem the reader found.
     */
    static <T> Optional<T> read(Path file, String option,
                                          Function<JsonNode, T> reader,
                                          PrintStream err) throws IOException {
        try {
            return Optional.of(reader.apply(Json.parse(Files.readString(file))));
        } catch (NoSuchFileException e) {
            err.println(option + ": no such file: " + file.toAbsolutePath());
        } catch (GrantsException refused) {
            print(err, refused);
        }
        return Optional.empty();
    }

    static int print(PrintStream err, GrantsException refused) {
        err.println(refused.getMessage());
        for (Problem problem : refused.details()) {
            err.println("  " + problem.field() + ": " + problem.problem());
        }
        return AllocateCommand.BAD_INPUT;
    }
}
