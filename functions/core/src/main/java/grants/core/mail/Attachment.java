package grants.core.mail;

/**
 * A small text file an email carries, such as an event's calendar file: its name, its MIME type (with any
 * parameters, such as {@code text/calendar; charset=UTF-8; method=PUBLISH}) and its text, sent as UTF-8.
 */
public record Attachment(String fileName, String contentType, String text) {

    public Attachment {
        if (fileName == null || fileName.isBlank() || contentType == null || text == null) {
            throw new IllegalArgumentException("an attachment needs a file name, a content type and its text");
        }
    }
}
