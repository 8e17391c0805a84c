package grants.core.notices;

import java.util.List;

/**
 * An email written whole when it is queued: its subject, plain text and HTML, and the addresses it
 * is written to. SendNotices sends a letter only to its addressees, whatever a notice names.
 */
public record Letter(String subject, String text, String html, List<String> addressees) {

    public Letter {
        addressees = List.copyOf(addressees);
    }
}
