package grants.functions.queuenotices;

import grants.adapters.aws.Environment;
import grants.adapters.sqs.SqsNoticeQueue;
import grants.adapters.wiring.Wiring;
import grants.core.notices.NoticeQueue;
import grants.core.notices.NoticeService;

/**
 * Everything the QueueNotices function uses, built once per container from what the functions
 * share ({@link Wiring}): the notice service that makes a run's notices, and the notices queue.
 */
public final class QueueNoticesComposition {

    private final NoticeService notices;
    private final NoticeQueue queue;
    private final QueueNoticesPriming priming;

    public QueueNoticesComposition(Wiring wiring) {
        this.notices = new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                wiring.clock(), wiring.auditLog());
        this.queue = new SqsNoticeQueue(wiring.aws().sqs(), wiring.environment().required(Environment.NOTICES_QUEUE_URL));
        this.priming = new QueueNoticesPriming(wiring.notices(), queue, wiring.clock());
    }

    public NoticeService notices() {
        return notices;
    }

    public NoticeQueue queue() {
        return queue;
    }

    /** SnapStart's deeper priming: a run's notices made in memory, their write and their queueing not sent. */
    QueueNoticesPriming priming() {
        return priming;
    }
}
