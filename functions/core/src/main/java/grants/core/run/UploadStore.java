package grants.core.run;

import java.net.URI;
import java.time.Duration;

/** Where documents too large for an API request are uploaded (outbound port: the bucket's uploads/). */
public interface UploadStore {

    /** A PUT link the caller uploads the document to. */
    URI uploadLink(String key, Duration expiry);

    /**
     * What was uploaded as {@code key}, refused unread if it is larger than {@code maxBytes}: the
     * upload link cannot limit what is sent to it, so the size is checked before reading.
     *
     * @throws grants.core.errors.NotFoundException if nothing was (or the upload expired)
     * @throws grants.core.errors.TooLargeException if it is larger than {@code maxBytes}
     */
    byte[] read(String key, long maxBytes);
}
