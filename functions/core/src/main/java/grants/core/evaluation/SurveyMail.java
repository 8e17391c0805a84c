package grants.core.evaluation;

/**
 * Sends a survey's email (outbound port: the notices machinery's mailer, skipping suppressed addresses,
 * at the notices' send rate). The email carries a link whose token is stored nowhere, so it is sent as it
 * is written, never queued as a stored letter.
 */
public interface SurveyMail {

    /** @return false when the address is suppressed after a bounce or complaint, so nothing was sent */
    boolean send(String programmeId, String to, String subject, String text, String html);
}
