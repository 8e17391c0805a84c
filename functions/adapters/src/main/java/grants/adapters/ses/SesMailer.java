package grants.adapters.ses;

import grants.core.mail.Email;
import grants.core.mail.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Email through SES v2, from the verified sender identity, with text and HTML parts. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;

    public SesMailer(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public String send(Email email) {
        return ses.sendEmail(request -> request.fromEmailAddress(sender)
                .destination(destination -> destination.toAddresses(email.to()))
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data(email.subject()).charset("UTF-8"))
                        .body(body -> body.text(text -> text.data(email.text()).charset("UTF-8"))
                                .html(html -> html.data(email.html()).charset("UTF-8"))))))
                .messageId();
    }
}
