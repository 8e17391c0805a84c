package grants.local;

import grants.core.exports.ExportFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a replay writes its files: each under {@code DIR} by its name ({@code cards/ni-152.html} in a folder). */
final class OutDirectory {

    private OutDirectory() {
    }

    static void write(Path directory, List<ExportFile> files) throws IOException {
        for (ExportFile file : files) {
            Path path = directory.resolve(file.name());
            Files.createDirectories(path.getParent());
            Files.write(path, file.bytes());
        }
    }
}
