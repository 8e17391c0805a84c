package grants.core.audit;

import grants.core.access.Actor;
import grants.core.errors.InvalidInputException;

import java.time.Clock;
import java.util.Optional;

/**
 * Records every change with who made it, and pages through the record for auditors and managers.
 * Changes made in one transaction are recorded by their store, in that transaction (the use case
 * hands it the {@link AuditEntry}); this records the others, right after them.
 */
public final class AuditLog {

    public static final int MAX_PAGE = 200;
    private static final String CURSOR = "[A-Za-z0-9_.:#-]{1,200}";

    private final AuditTrail trail;
    private final Clock clock;

    public AuditLog(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Records a change that was not one transaction, right after it; {@code before} is null for
     * something new, {@code after} null for something gone.
     */
    public void record(Actor actor, String trailId, String action, String target, String before, String after) {
        trail.append(AuditEntry.by(actor, clock.instant(), trailId, action, target, before, after));
    }

    public AuditTrail.Page page(String programmeId, Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("limit", "must be from 1 to " + MAX_PAGE + ", got " + limit);
        }
        after.filter(cursor -> !cursor.matches(CURSOR)).ifPresent(cursor -> {
            throw InvalidInputException.of("after", "must be the next value a page of the audit trail gave");
        });
        return trail.page(programmeId, after, limit);
    }
}
