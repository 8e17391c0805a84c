package grants.core.audit;

import java.time.Instant;

/**
 * One change, as the audit trail keeps it: who made it (the token's subject and email), when,
 * what ({@code action} on {@code target}), and what it was before and after, in words a person
 * reads. Entries are only ever added; nothing in the API edits or removes one.
 */
public record AuditEntry(String programmeId, Instant at, String actorSubject, String actorEmail, String action,
                         String target, String before, String after) {
}
