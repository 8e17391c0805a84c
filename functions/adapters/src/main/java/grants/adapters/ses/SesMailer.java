package grants.adapters.ses;

import grants.core.mail.Email;
import grants.core.mail.MailRejectedException;
import grants.core.mail.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Email through SES v2, from the verified sender identity, with text and HTML parts, through the
 * configuration set that publishes bounces and complaints. A refusal retrying cannot mend becomes
 * {@link MailRejectedException}; throttling and service errors stay ordinary exceptions: retry.
 */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String sender) {
        this(ses, sender, null);
    }

    public SesMailer(SesV2Client ses, String sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        try {
            return sendOnce(email);
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | AccountSuspendedException
                 | SendingPausedException | BadRequestException | NotFoundException permanent) {
            throw new MailRejectedException("SES refused the message: " + permanent.awsErrorDetails().errorMessage(),
                    permanent);
        }
    }

    private String sendOnce(Email email) {
        return ses.sendEmail(request -> request.fromEmailAddress(sender).configurationSetName(configurationSet)
                .destination(destination -> destination.toAddresses(email.to()))
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data(email.subject()).charset("UTF-8"))
                        .body(body -> body.text(text -> text.data(email.text()).charset("UTF-8"))
                                .html(html -> html.data(email.html()).charset("UTF-8"))))))
                .messageId();
    }
}
