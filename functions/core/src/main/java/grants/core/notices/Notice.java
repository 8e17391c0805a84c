package grants.core.notices;

import java.time.Instant;
import java.util.List;

/**
 * One email to send once. The key is deterministic: {@code {runId}/{partnershipId}/{kind}} for a
 * run's notice (a deliberate re-issue adds {@code /resend-N}), {@code bulletin/{id}/{recipientKey}}
 * for a bulletin, {@code round/{roundId}/...} for a round's letter, so redelivered events and retries always find the same notice.
 */
/* contentId names the bulletin or letter whose content a BULLETIN or LETTER notice sends. */
public record Notice(String programmeId, String key, NoticeKind kind, String runId, String partnershipId,
                     String contentId, List<String> recipients, NoticeState state, String messageId, String reason,
                     List<String> suppressed, Instant updatedAt) {

    public Notice {
        recipients = List.copyOf(recipients);
        suppressed = List.copyOf(suppressed);
    }

    public static Notice queued(String programmeId, String key, NoticeKind kind, String runId, String partnershipId,
                                String contentId, List<String> recipients, String reason, Instant now) {
        return new Notice(programmeId, key, kind, runId, partnershipId, contentId, recipients, NoticeState.QUEUED,
                null, reason, List.of(), now);
    }

    /**
     * The email of a reminder the daily run handled as SENT: key {@code reminder/{reminderId}}, in the
     * notices of the round or programme the agreement came from; {@code contentId} is the reminder id.
     */
    public static Notice reminder(String trail, String reminderId, List<String> recipients, Instant now) {
        return queued(trail, REMINDER_KEY + reminderId, NoticeKind.REMINDER, null, null, reminderId, recipients, null,
                now);
    }

    public static final String REMINDER_KEY = "reminder/";

    public static String runKey(String runId, String partnershipId, NoticeKind kind) {
        return runId + "/" + partnershipId + "/" + kind;
    }

    /**
     * Where a key names one recipient: a SHA-256 of the address as compared (trimmed, lower-cased),
     * the same for the same address, so that no address is written into a key (keys travel in
     * stream records, queue messages and logs). A plain hash can be guessed by hashing candidates;
     * it keeps the address out of sight, not secret.
     */
    public static String recipientKey(String address) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    ("recipient:" + address.strip().toLowerCase(java.util.Locale.ROOT)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
