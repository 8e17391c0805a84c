package grants.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A worked example of {@code events/data} as a file a command reads, copied once into a test's folder. */
final class ExampleFiles {

    private ExampleFiles() {
    }

    static Path in(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = ExampleFiles.class.getResourceAsStream("/data/" + name)) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }
}
