package grants.core.notices;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Notices, their claims and the suppression list (outbound port: conditional writes in DynamoDB). */
public interface NoticeStore {

    /** Creates the notice unless one with its key exists; true if this call created it. */
    boolean create(Notice notice);

    Optional<Notice> get(String programmeId, String key);

    /** Every notice whose key starts with the prefix (a run's: {@code {runId}/}), ordered by key. */
    List<Notice> withPrefix(String programmeId, String keyPrefix);

    /** QUEUED (or SENDING so long that its sender died) to SENDING; false if another sender has it or it is done. */
    boolean claim(String programmeId, String key);

    void sent(String programmeId, String key, String messageId, List<String> suppressed);

    /** SENDING back to QUEUED after a failure worth retrying. */
    void release(String programmeId, String key, String reason);

    void failed(String programmeId, String key, String reason);

    /** The notice an SES message id belongs to. */
    Optional<Notice> byMessageId(String messageId);

    /** SENT to BOUNCED or COMPLAINED. */
    void feedback(String programmeId, String key, NoticeState state, String reason);

    void suppress(String address, String reason);

    /** The addresses among these that are suppressed. */
    Set<String> suppressed(Collection<String> addresses);
}
