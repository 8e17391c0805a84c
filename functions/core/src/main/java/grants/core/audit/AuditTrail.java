package grants.core.audit;

import java.util.List;
import java.util.Optional;

/** Where the audit trail is kept (outbound port): appended to, and read a page at a time, newest first. */
public interface AuditTrail {

    void append(AuditEntry entry);

    /** A page of entries, and where the next page starts if there is one. */
    record Page(List<AuditEntry> entries, Optional<String> next) {
    }

    /** Newest first; {@code after} is a page's {@code next}. */
    Page page(String programmeId, Optional<String> after, int limit);
}
