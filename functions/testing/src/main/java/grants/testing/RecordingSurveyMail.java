package grants.testing;

import grants.core.evaluation.SurveyMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The survey emails sent, kept in order; addresses in {@code suppressed} are skipped, as the notices' list skips them. */
public final class RecordingSurveyMail implements SurveyMail {

    public record Sent(String programmeId, String to, String subject, String text, String html) {

        private static final Pattern TOKEN = Pattern.compile("/surveys/answer/([A-Za-z0-9_-]+)");

        /** The token of the link the email carries. */
        public String token() {
            Matcher link = TOKEN.matcher(text);
            if (!link.find()) {
                throw new IllegalStateException("the email carries no survey link: " + text);
            }
            return link.group(1);
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> suppressed;

    public RecordingSurveyMail(Set<String> suppressed) {
        this.suppressed = Set.copyOf(suppressed);
    }

    public RecordingSurveyMail() {
        this(Set.of());
    }

    @Override
    public synchronized boolean send(String programmeId, String to, String subject, String text, String html) {
        if (suppressed.contains(to)) {
            return false;
        }
        sent.add(new Sent(programmeId, to, subject, text, html));
        return true;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The last email sent to this address. */
    public synchronized Optional<Sent> lastTo(String address) {
        return sent.stream().filter(email -> email.to().equals(address)).reduce((first, second) -> second);
    }
}
