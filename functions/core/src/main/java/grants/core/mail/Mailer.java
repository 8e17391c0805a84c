package grants.core.mail;

/** Sends email (outbound port: SES). */
public interface Mailer {

    /** Sends and returns the provider's message id; throws if the message was not accepted. */
    String send(Email email);
}
