package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.audit.AuditTrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} in memory: appended in order, read newest first, a page's next is an index. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized Page page(String programmeId, Optional<String> after, int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries.stream()
                .filter(entry -> entry.programmeId().equals(programmeId)).toList());
        java.util.Collections.reverse(newestFirst);
        int from = after.map(Integer::parseInt).orElse(0);
        int to = Math.min(from + limit, newestFirst.size());
        return new Page(List.copyOf(newestFirst.subList(Math.min(from, to), to)),
                to < newestFirst.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }
}
