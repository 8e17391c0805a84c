package grants.functions.sendnotices;

import org.crac.Core;
import org.crac.Resource;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import grants.adapters.aws.Environment;
import grants.adapters.lambda.Batches;
import grants.adapters.sqs.SqsNoticeQueue;
import grants.adapters.wiring.Wiring;
import grants.core.notices.NoticeSender;

import java.util.List;

/**
 * The SendNotices function, on the notices queue. Each message names a notice; the sender sends it
 * at most once. A message worth retrying (throttling, SES unreachable) is reported as a batch item
 * failure, so SQS delivers it again later, and after several tries moves it to the dead-letter queue.
 */
public class SendNoticesHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {

    /** What priming names: nothing of the kind exists, so nothing is changed. */
    private static final String PRIMING = "snapstart-priming";

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE, Environment.SENDER_EMAIL,
            Environment.SES_CONFIGURATION_SET, Environment.NOTICE_RATE_PER_SECOND);

    private final NoticeSender sender;

    public SendNoticesHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public SendNoticesHandler(Wiring wiring) {
        this(new SendNoticesComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public SendNoticesHandler(SendNoticesComposition composition) {
        this.sender = composition.sender();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Batches.messages(event, context, message -> {
            SqsNoticeQueue.Message notice = SqsNoticeQueue.read(message.getBody());
            return sender.send(notice.programmeId(), notice.key()) != NoticeSender.Outcome.RETRY;
        });
    }

    /**
     * SnapStart priming: a message naming a notice that does not exist, through the handler, before
     * the snapshot. It reads the table, finds nothing to send, and sends and writes nothing.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(PRIMING);
        message.setBody(SqsNoticeQueue.body(PRIMING, PRIMING));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        handleRequest(event, null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
