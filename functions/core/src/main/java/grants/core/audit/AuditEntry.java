package grants.core.audit;

import grants.core.access.Actor;

import java.time.Instant;

/**
 * One change, as the audit trail keeps it: who made it (the token's subject and email), when,
 * what ({@code action} on {@code target}), and what it was before and after, in words a person
 * reads. Entries are only ever added; nothing in the API edits or removes one.
 *
 * <p>{@code programmeId} names the trail: a programme's, or a round's (a round and a programme
 * never share an id, so never a trail). A store that makes a change in one transaction is handed
 * its entry and writes both or neither.
 */
public record AuditEntry(String programmeId, Instant at, String actorSubject, String actorEmail, String action,
                         String target, String before, String after) {

    /** {@code before} is null for something new; {@code after} null for something gone. */
    public static AuditEntry by(Actor actor, Instant at, String trailId, String action, String target, String before,
                                String after) {
        return new AuditEntry(trailId, at, actor.subject(), actor.email(), action, target, before, after);
    }
}
