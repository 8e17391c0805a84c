package grants.core.run;

import grants.core.errors.InvalidInputException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Large programmes (over the 6 MB a Lambda request may carry): the manager uploads the document
 * through a time-limited link, then imports it, which stores it exactly as a direct load would.
 */
public final class ProgrammeUploads {

    /** The largest programme document taken by upload: 64 MB, the documents' own limit. */
    public static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    /** How long an upload link stays good. */
    static final Duration UPLOAD_EXPIRY = Duration.ofMinutes(15);
    private static final String UPLOAD_ID = "[0-9a-f-]{36}";

    private final AllocationService programmes;
    private final UploadStore uploads;
    private final ProgrammeDocuments documents;
    private final Clock clock;

    public ProgrammeUploads(AllocationService programmes, UploadStore uploads, ProgrammeDocuments documents, Clock clock) {
        this.programmes = programmes;
        this.uploads = uploads;
        this.documents = documents;
        this.clock = clock;
    }

    /** Where to upload, and until when. */
    public record Upload(String programmeId, String uploadId, URI uploadUrl, Instant expiresAt) {
    }

    public Upload start(String programmeId) {
        String uploadId = UUID.randomUUID().toString();
        return new Upload(programmeId, uploadId, uploads.uploadLink(key(programmeId, uploadId), UPLOAD_EXPIRY),
                clock.instant().plus(UPLOAD_EXPIRY));
    }

    public StoredProgramme importUpload(String programmeId, String uploadId) {
        if (uploadId == null || !uploadId.matches(UPLOAD_ID)) {
            throw InvalidInputException.of("uploadId", "must be the uploadId that starting the upload gave");
        }
        byte[] document = uploads.read(key(programmeId, uploadId), MAX_UPLOAD_BYTES);
        return programmes.putProgramme(programmeId, documents.read(document, programmeId));
    }

    private static String key(String programmeId, String uploadId) {
        return "uploads/" + programmeId + "/" + uploadId + ".json";
    }
}
