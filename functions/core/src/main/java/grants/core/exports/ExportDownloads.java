package grants.core.exports;

import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finance's downloads: a time-limited link to each file of a run's complete export. */
public final class ExportDownloads {

    /** S3 refuses presigned URLs valid for longer. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final ExportIndex index;
    private final ExportLinks links;

    public ExportDownloads(ExportIndex index, ExportLinks links) {
        this.index = index;
        this.links = links;
    }

    /** Links by file name; 404 until the export is complete. */
    public Map<String, URI> links(String programmeId, String runId, Duration expiry) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw InvalidInputException.of("expiresInSeconds", "must be between 1 and "
                    + MAX_EXPIRY.toSeconds() + " (7 days), got " + expiry.toSeconds());
        }
        List<String> files = index.files(programmeId, runId).orElseThrow(() -> new NotFoundException(
                "The export of run " + runId + " is not complete yet (or there is no such run); try again shortly."));
        String prefix = ExportRenderer.prefix(programmeId, runId);
        Map<String, URI> result = new LinkedHashMap<>();
        for (String file : files) {
            result.put(file, links.link(prefix + file, expiry));
        }
        return result;
    }
}
