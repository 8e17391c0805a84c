package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.reporting.Narrative;
import grants.core.reporting.Observation;
import grants.core.reporting.Register;
import grants.core.reporting.ReportingStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ReportingStore} in memory, with the real store's refusals: a register is replaced only at
 * the version it was read at, a quarter's figure with a given sequence is added once, and an audit
 * entry goes in only with its change.
 */
public final class InMemoryReportingStore implements ReportingStore {

    private final Map<String, Register> registers = new TreeMap<>();
    private final Map<String, List<Observation>> observations = new TreeMap<>();
    private final Map<String, List<Narrative>> narratives = new TreeMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryReportingStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    public InMemoryAuditTrail trail() {
        return trail;
    }

    @Override
    public synchronized boolean create(Register fresh, AuditEntry entry) {
        if (registers.containsKey(fresh.registerId())) {
            return false;
        }
        registers.put(fresh.registerId(), fresh);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized Optional<Register> register(String registerId) {
        return Optional.ofNullable(registers.get(registerId));
    }

    @Override
    public synchronized boolean replace(Register next, long expectedVersion, AuditEntry entry) {
        Register current = registers.get(next.registerId());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        registers.put(next.registerId(), next);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized List<Observation> observations(String registerId) {
        return List.copyOf(observations.getOrDefault(registerId, List.of()));
    }

    @Override
    public synchronized boolean addObservation(String registerId, Observation observation, AuditEntry entry) {
        List<Observation> all = observations.computeIfAbsent(registerId, id -> new ArrayList<>());
        boolean taken = all.stream().anyMatch(o -> o.indicator().equals(observation.indicator())
                && o.period().equals(observation.period()) && o.sequence() == observation.sequence());
        if (taken) {
            return false;
        }
        all.add(observation);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized List<Narrative> narratives(String registerId) {
        return List.copyOf(narratives.getOrDefault(registerId, List.of()));
    }

    @Override
    public synchronized void addNarrative(String registerId, Narrative narrative, AuditEntry entry) {
        narratives.computeIfAbsent(registerId, id -> new ArrayList<>()).add(narrative);
        trail.append(entry);
    }
}
