package grants.functions.evaluation;

import grants.core.evaluation.SurveyMail;
import grants.core.mail.Email;
import grants.core.mail.Mailer;
import grants.core.notices.NoticeStore;
import grants.core.notices.SendRate;

import java.util.List;

/**
 * A survey's email through the notices' machinery: their suppression list (an address that bounced or
 * complained is skipped), their send rate shared by every sender, their SES mailer and configuration set.
 * It is sent as written rather than queued as a stored letter, because its link's token is stored nowhere.
 */
final class SurveyMailThroughNotices implements SurveyMail {

    private final NoticeStore notices;
    private final SendRate rate;
    private final Mailer mailer;

    SurveyMailThroughNotices(NoticeStore notices, SendRate rate, Mailer mailer) {
        this.notices = notices;
        this.rate = rate;
        this.mailer = mailer;
    }

    @Override
    public boolean send(String programmeId, String to, String subject, String text, String html) {
        if (!notices.suppressed(List.of(to)).isEmpty()) {
            return false;
        }
        rate.acquire();
        mailer.send(new Email(List.of(to), subject, text, html));
        return true;
    }
}
