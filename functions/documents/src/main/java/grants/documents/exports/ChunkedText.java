package grants.documents.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A text file written to a stream a chunk at a time: lines are appended to {@link #text()}, and
 * sent on as UTF-8 once 64 KB are waiting, so a file of a national programme is never held whole.
 */
final class ChunkedText {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final StringBuilder text = new StringBuilder(CHUNK + 4096);

    ChunkedText(OutputStream out) {
        this.out = out;
    }

    StringBuilder text() {
        return text;
    }

    /** Called after each line: sends what is waiting if it is a chunk's worth. */
    void lineDone() throws IOException {
        if (text.length() >= CHUNK) {
            flush();
        }
    }

    /** Sends the rest. */
    void flush() throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }
}
