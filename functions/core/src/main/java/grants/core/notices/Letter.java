package grants.core.notices;

/** An email written whole when it is queued: its subject, plain text and HTML. */
public record Letter(String subject, String text, String html) {
}
