package grants.functions.emailfeedback;

import org.crac.Core;
import org.crac.Resource;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.Environment;
import grants.adapters.lambda.Batches;
import grants.adapters.wiring.Wiring;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeState;
import grants.documents.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The EmailFeedback function: SES publishes bounces and complaints of the configuration set to an
 * SNS topic; each marks its notice BOUNCED or COMPLAINED, and a permanent bounce or a complaint puts
 * the address on the suppression list that later notices and bulletins skip.
 */
public class EmailFeedbackHandler implements RequestHandler<SNSEvent, Void>, Resource {

    /** What priming names: nothing of the kind exists, so nothing is changed. */
    private static final String PRIMING = "snapstart-priming";

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final NoticeService notices;

    public EmailFeedbackHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public EmailFeedbackHandler(Wiring wiring) {
        this(new EmailFeedbackComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public EmailFeedbackHandler(EmailFeedbackComposition composition) {
        this.notices = composition.notices();
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        Batches.notifications(event, context, this::record);
        return null;
    }

    /** One SES event; other event types (deliveries, sends) are not feedback and change nothing. */
    private void record(String message) {
        JsonNode feedback = Json.parse(message);
        String type = feedback.path("eventType").asText(feedback.path("notificationType").asText());
        String messageId = feedback.path("mail").path("messageId").asText();
        List<String> addresses = new ArrayList<>();
        if (type.equals("Bounce")) {
            feedback.path("bounce").path("bouncedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
            String bounceType = feedback.path("bounce").path("bounceType").asText();
            notices.recordFeedback(messageId, NoticeState.BOUNCED, addresses, bounceType.equals("Permanent"),
                    "bounced (" + bounceType + "): " + addresses);
        } else if (type.equals("Complaint")) {
            feedback.path("complaint").path("complainedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
            notices.recordFeedback(messageId, NoticeState.COMPLAINED, addresses, true, "complaint from " + addresses);
        }
    }

    /**
     * SnapStart priming: a transient bounce of a message no notice sent, through the handler, before
     * the snapshot. It looks the message up, finds no notice, and (transient: no suppression) writes nothing.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        SNSEvent.SNS notification = new SNSEvent.SNS().withMessageId(PRIMING).withMessage(Json.write(Json.object()
                .put("eventType", "Bounce").set("bounce", Json.object().put("bounceType", "Transient"))));
        handleRequest(new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(notification))), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
