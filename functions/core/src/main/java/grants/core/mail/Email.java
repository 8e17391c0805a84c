package grants.core.mail;

import java.util.List;

/**
 * One email: plain text and HTML parts of the same message, and any files it carries. The sender is the mailer's
 * configured identity.
 */
public record Email(List<String> to, String subject, String text, String html, List<Attachment> attachments) {

    public Email {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

    /** An email that carries no file. */
    public Email(List<String> to, String subject, String text, String html) {
        this(to, subject, text, html, List.of());
    }
}
