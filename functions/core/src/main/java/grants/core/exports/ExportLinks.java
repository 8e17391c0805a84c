package grants.core.exports;

import java.net.URI;
import java.time.Duration;

/** Time-limited links to objects of the bucket (outbound port: S3 presigned URLs). */
public interface ExportLinks {

    /** A GET link: to download an export. */
    URI link(String key, Duration expiry);

    /** A PUT link: to upload a document too large for an API request. */
    URI uploadLink(String key, Duration expiry);
}
