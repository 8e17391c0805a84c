package grants.functions.queuenotices;

import org.crac.Core;
import org.crac.Resource;
import grants.adapters.lambda.StreamEvents;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.Batches;
import grants.adapters.lambda.Priming;
import grants.adapters.wiring.Wiring;
import grants.core.notices.NoticeQueue;
import grants.core.notices.NoticeService;

import java.util.List;

/**
 * The QueueNotices function, on the grants table's stream (filtered in template.yaml to INSERTs of
 * {@code RUN#} and {@code NOTICE#} items): a committed run gets one notice per partnership, and
 * every new notice (of a run, a re-issue or a bulletin) goes onto the notices queue. Both steps are
 * idempotent, so redelivered records are harmless.
 */
public class QueueNoticesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    /** What priming names: nothing of the kind exists, so nothing is changed. */
    private static final String PRIMING = "snapstart-priming";

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.NOTICES_QUEUE_URL);

    private final NoticeService notices;
    private final NoticeQueue queue;
    private final QueueNoticesPriming priming;

    public QueueNoticesHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public QueueNoticesHandler(Wiring wiring) {
        this(new QueueNoticesComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public QueueNoticesHandler(QueueNoticesComposition composition) {
        this.notices = composition.notices();
        this.queue = composition.queue();
        this.priming = composition.priming();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return Batches.insertedItems(event, context, item -> {
            if (item instanceof Keys.Item.CommittedRun run) {
                notices.createRunNotices(run.programmeId(), run.runId());
            } else if (item instanceof Keys.Item.NewNotice notice) {
                queue.enqueue(notice.programmeId(), List.of(notice.noticeKey()));
            }
        });
    }

    /**
     * SnapStart priming, before the snapshot: first the record of a run that does not exist, through the
     * handler (it reads the table, finds nothing, and neither writes nor queues anything; a new notice's
     * record would queue it, so that kind is not used), then what both kinds of record do after their
     * reads, on a small run made in memory ({@link QueueNoticesPriming}: its notices made, the first
     * one's write and the SQS batch marshalled and signed, neither sent).
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(StreamEvents.inserted(Keys.committedRunKeys(PRIMING, "20000101T000000000Z-000000")), null);
        primeDeeper();
    }

    /** The deeper part; a failure costs only the snapshot's warmth, so it is logged, never thrown. */
    List<String> primeDeeper() {
        return Priming.logged(priming::prime);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
