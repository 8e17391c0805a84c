package grants.core.exports;

/**
 * What was written of one export file, without its bytes: a national programme's files are streamed
 * to the bucket as they are rendered, so only their size and hash are kept for the manifest and email.
 */
public record WrittenFile(String name, String contentType, long bytes, int rows, String sha256) {
}
