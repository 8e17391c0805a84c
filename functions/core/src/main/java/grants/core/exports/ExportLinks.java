package grants.core.exports;

import java.net.URI;
import java.time.Duration;

/** Time-limited download links to objects of the export bucket (outbound port: S3 presigned URLs). */
public interface ExportLinks {

    URI link(String key, Duration expiry);
}
