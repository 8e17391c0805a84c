package grants.core.exports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One export file, rendered into whatever takes its bytes (the bucket, while it is rendered; or
 * memory), so that a file of hundreds of megabytes is never held whole.
 */
public record FileRendering(String name, String contentType, Body body) {

    /** Writes the file's bytes, always the same for the same run, and answers its data rows. */
    @FunctionalInterface
    public interface Body {
        int writeTo(OutputStream out) throws IOException;
    }
}
