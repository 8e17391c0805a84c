package grants.functions.queuenotices;

import grants.adapters.aws.Unsent;
import grants.adapters.lambda.Priming;
import grants.core.allocation.AllocationRow;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeQueue;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeStore;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * QueueNotices' deeper SnapStart priming: what a committed run's record and a new notice's record do
 * after their reads, with nothing written or sent. A small run made in memory gets its notices as
 * {@link NoticeService#createRunNotices} makes them; the first one's write is marshalled and signed
 * for DynamoDB and stopped before it is sent, and so is the SQS batch that would queue it.
 */
final class QueueNoticesPriming {

    private final NoticeStore notices;
    private final NoticeQueue queue;
    private final Clock clock;

    QueueNoticesPriming(NoticeStore notices, NoticeQueue queue, Clock clock) {
        this.notices = notices;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return what was primed, in words (for the log and the tests) */
    List<String> prime() {
        List<String> done = new ArrayList<>();
        Programme programme = Priming.programme();
        AllocationRun run = Priming.run(programme);
        List<Notice> made = new ArrayList<>();
        for (AllocationRow row : run.rows()) {
            NoticeKind kind = NoticeKind.of(row.status());
            made.add(Notice.queued(Priming.ID, Notice.runKey(Priming.RUN_ID, row.partnershipId(), kind), kind,
                    Priming.RUN_ID, row.partnershipId(), null,
                    NoticeService.recipients(programme.partnership(row.partnershipId()).orElseThrow()), null, clock.instant()));
        }
        done.add("made " + made.size() + " notices in memory");
        done.addAll(Unsent.run(() -> notices.create(made.get(0))));
        done.addAll(Unsent.run(() -> queue.enqueue(Priming.ID, made.stream().map(Notice::key).toList())));
        return done;
    }
}
