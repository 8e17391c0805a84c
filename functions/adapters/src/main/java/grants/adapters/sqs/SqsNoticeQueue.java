package grants.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.Json;
import grants.core.notices.NoticeQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/** Notice keys onto the notices queue, ten to a SendMessageBatch, with failed entries sent again. */
public final class SqsNoticeQueue implements NoticeQueue {

    private static final int BATCH = 10;
    private static final int MAX_ATTEMPTS = 5;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNoticeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** What a message asks for: the notice to send. */
    public record Message(String programmeId, String key) {
    }

    /** The message body: which notice to send. */
    public static String body(String programmeId, String key) {
        return Json.write(Json.object().put("programmeId", programmeId).put("key", key));
    }

    /** Reads a message body written by {@link #body}. */
    public static Message read(String body) {
        JsonNode message = Json.parse(body);
        if (!message.path("programmeId").isTextual() || !message.path("key").isTextual()) {
            throw new IllegalArgumentException("not a notice message: it names no programmeId and key");
        }
        return new Message(message.get("programmeId").asText(), message.get("key").asText());
    }

    @Override
    public void enqueue(String programmeId, List<String> keys) {
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<String> batch = keys.subList(from, Math.min(from + BATCH, keys.size()));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(programmeId, batch.get(i))).build());
            }
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IllegalStateException(entries.size() + " notices could not be queued");
                }
                List<SendMessageBatchRequestEntry> pending = entries;
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(pending));
                List<String> failedIds = response.failed().stream().map(f -> f.id()).toList();
                entries = pending.stream().filter(e -> failedIds.contains(e.id())).toList();
            }
        }
    }
}
