package grants.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The console's static files, from the grants-console jar on the class path. */
final class ConsoleFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "woff2", "font/woff2", "woff", "font/woff", "png", "image/png",
            "svg", "image/svg+xml", "ico", "image/x-icon");

    private ConsoleFiles() {
    }

    static Optional<byte[]> read(String path) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream("/console" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
