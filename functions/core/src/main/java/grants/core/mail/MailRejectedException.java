package grants.core.mail;

/** The mail service refused the message for good (bad address, unverified sender): retrying cannot help. */
public class MailRejectedException extends RuntimeException {

    public MailRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
