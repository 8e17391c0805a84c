package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.calendar.FinancialYear;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.OverspendRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LedgerStore} in memory, with the real store's refusals: a change is written whole or not at
 * all, each line only over the version it was read at, each entry only under an id no entry has, and
 * an audit entry only with its change.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private final Map<String, BudgetLine> lines = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, OverspendRequest> overspends = new LinkedHashMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryLedgerStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public synchronized List<BudgetLine> lines(String scope) {
        return lines.values().stream().filter(line -> line.scope().equals(scope)).toList();
    }

    @Override
    public synchronized Optional<BudgetLine> line(String scope, FinancialYear year, String lineId) {
        return Optional.ofNullable(lines.get(key(scope, year, lineId)));
    }

    @Override
    public synchronized Optional<Entry> entry(String scope, String entryId) {
        return Optional.ofNullable(entries.get(scope + "/" + entryId));
    }

    @Override
    public synchronized List<Entry> entries(String scope) {
        return new ArrayList<>(entries.values().stream().filter(entry -> entry.scope().equals(scope)).toList());
    }

    @Override
    public synchronized Optional<OverspendRequest> overspendRequest(String scope, String requestId) {
        return Optional.ofNullable(overspends.get(scope + "/" + requestId));
    }

    @Override
    public synchronized boolean apply(Change change) {
        for (BudgetLine line : change.lines()) {
            long stored = Optional.ofNullable(lines.get(key(line))).map(BudgetLine::version).orElse(0L);
            if (stored != line.version() - 1) {
                return false;
            }
        }
        if (change.entries().stream().anyMatch(entry -> entries.containsKey(entry.scope() + "/" + entry.id()))) {
            return false;
        }
        Optional<OverspendRequest> request = change.overspend();
        if (request.isPresent() && request.get().approvedBy().isEmpty()
                && overspends.containsKey(request.get().scope() + "/" + request.get().id())) {
            return false;
        }
        change.lines().forEach(line -> lines.put(key(line), line));
        change.entries().forEach(entry -> entries.put(entry.scope() + "/" + entry.id(), entry));
        request.ifPresent(kept -> overspends.put(kept.scope() + "/" + kept.id(), kept));
        change.audit().ifPresent(trail::append);
        return true;
    }

    private static String key(BudgetLine line) {
        return key(line.scope(), line.year(), line.lineId());
    }

    private static String key(String scope, FinancialYear year, String lineId) {
        return scope + "/" + year + "/" + lineId;
    }

    /** Every audit entry written with a change of the ledger (for tests that count them). */
    public List<AuditEntry> audit(String scope) {
        return trail.page(scope, Optional.empty(), Integer.MAX_VALUE).entries();
    }
}
