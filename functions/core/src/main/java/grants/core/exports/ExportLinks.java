package grants.core.exports;

import java.net.URI;
import java.time.Duration;

/** Time-limited download links to export objects (outbound port: S3 presigned GET URLs). */
public interface ExportLinks {

    URI link(String key, Duration expiry);
}
