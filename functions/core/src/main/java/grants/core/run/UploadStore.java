package grants.core.run;

import java.net.URI;
import java.time.Duration;

/** Where documents too large for an API request are uploaded (outbound port: the bucket's uploads/). */
public interface UploadStore {

    /** A PUT link the caller uploads the document to. */
    URI uploadLink(String key, Duration expiry);

    /**
     * What was uploaded as {@code key}.
     *
     * @throws grants.core.errors.NotFoundException if nothing was (or the upload expired)
     */
    byte[] read(String key);
}
