package grants.testing;

import grants.core.mail.Email;
import grants.core.mail.Mailer;

import java.util.ArrayList;
import java.util.List;

/** A {@link Mailer} that keeps what it was given, and can be told to fail as SES sometimes does. */
public final class RecordingMailer implements Mailer {

    private final List<Email> sent = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized String send(Email email) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("the mail service is unreachable");
        }
        sent.add(email);
        return "message-" + sent.size();
    }

    /** The next {@code count} sends fail. */
    public synchronized void failNext(int count) {
        failuresToCome = count;
    }

    public synchronized List<Email> sent() {
        return List.copyOf(sent);
    }
}
