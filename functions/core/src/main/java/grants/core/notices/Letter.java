package grants.core.notices;

import grants.core.mail.Attachment;

import java.util.List;

/**
 * An email written whole when it is queued: its subject, plain text and HTML, the addresses it
 * is written to, and any small files it carries (an event's calendar file). SendNotices sends a
 * letter only to its addressees, whatever a notice names.
 */
public record Letter(String subject, String text, String html, List<String> addressees, List<Attachment> attachments) {

    public Letter {
        addressees = List.copyOf(addressees);
        attachments = List.copyOf(attachments);
    }

    /** A letter that carries no file. */
    public Letter(String subject, String text, String html, List<String> addressees) {
        this(subject, text, html, addressees, List.of());
    }
}
