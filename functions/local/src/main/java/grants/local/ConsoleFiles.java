package grants.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The console's static files, from the grants-console jar on the class path. */
final class ConsoleFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "woff2", "font/woff2", "woff", "font/woff", "png", "image/png",
            "svg", "image/svg+xml", "ico", "image/x-icon");

    private ConsoleFiles() {
    }

    /** A file's bytes and its entity tag: the hash of its bytes, so that a changed file is fetched again. */
    record File(byte[] bytes, String etag) {
    }

    /** The files read so far: they are in a jar and cannot change while the server runs. */
    private static final Map<String, Optional<File>> READ = new ConcurrentHashMap<>();

    static Optional<File> read(String path) {
        return READ.computeIfAbsent(path, ConsoleFiles::readFromJar);
    }

    private static Optional<File> readFromJar(String path) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream("/console" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
