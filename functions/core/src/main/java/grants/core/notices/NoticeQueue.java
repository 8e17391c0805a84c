package grants.core.notices;

import java.util.List;

/** The queue SendNotices consumes (outbound port: SQS, with a dead-letter queue behind it). */
public interface NoticeQueue {

    /** Enqueues a message per notice key; duplicates are harmless, the sender sends once. */
    void enqueue(String programmeId, List<String> keys);
}
