package grants.core.mail;

import java.util.regex.Pattern;

/**
 * Keeps email addresses out of what is written for operators (log lines, stored reasons): an
 * SES error or a failure's message may quote a recipient, and logs are kept for months and read
 * by more people than the contact list is.
 */
public final class Redaction {

    /** Anything shaped like local@domain.tld; a false positive costs a word of a log line, nothing more. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"']+@[^\\s@<>()\\[\\],;:\"']+\\.[^\\s@<>()\\[\\],;:\"']+");
    public static final String PLACEHOLDER = "[address]";

    private Redaction() {
    }

    /** The text with every address in it replaced by {@value #PLACEHOLDER}; null stays null. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll(PLACEHOLDER);
    }
}
