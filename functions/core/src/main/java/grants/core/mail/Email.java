package grants.core.mail;

import java.util.List;

/** One email: plain text and HTML parts of the same message. The sender is the mailer's configured identity. */
public record Email(List<String> to, String subject, String text, String html) {

    public Email {
        to = List.copyOf(to);
    }
}
