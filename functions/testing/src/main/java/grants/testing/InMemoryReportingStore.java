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
 * the version it was read at (a figure moves it to the next), a quarter's figure with a given sequence is added once, a request key
 * once, and an audit entry goes in only with its change.
 */
public final class InMemoryReportingStore implements ReportingStore {

    private final Map<String, Register> registers = new TreeMap<>();
    private final Map<String, List<Observation>> observations = new TreeMap<>();
    private final Map<String, List<Narrative>> narratives = new TreeMap<>();
    private final Map<String, Requested> requests = new TreeMap<>();
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
    public synchronized List<String> registerIds() {
        return List.copyOf(registers.keySet());
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
        return listed(observations, registerId);
    }

    @Override
    public synchronized List<Narrative> narratives(String registerId) {
        return listed(narratives, registerId);
    }

    @Override
    public synchronized boolean addObservation(String registerId, Observation observation, AuditEntry entry) {
        boolean free = listed(observations, registerId).stream().noneMatch(o -> o.indicator().equals(observation.indicator())
                && o.period().equals(observation.period()) && o.sequence() == observation.sequence());
        if (free) {
            append(observations, registerId, observation, entry);
            Register register = registers.get(registerId);
            registers.put(registerId, new Register(register.registerId(), register.note(), register.themes(),
                    register.outcomes(), register.people(), register.indicators(), register.meetings(),
                    register.ownerReminderWorkingDays(), register.version() + 1)); // a change read before this figure is stale
        }
        return free;
    }

    @Override
    public synchronized Optional<Requested> requested(String registerId, String requestKey) {
        return Optional.ofNullable(requests.get(registerId + "/" + requestKey));
    }

    @Override
    public synchronized boolean addRequestedObservation(String registerId, Requested requested, AuditEntry entry) {
        if (requests.containsKey(registerId + "/" + requested.requestKey())
                || !addObservation(registerId, requested.observation(), entry)) {
            return false;
        }
        requests.put(registerId + "/" + requested.requestKey(), requested);
        return true;
    }

    @Override
    public synchronized void addNarrative(String registerId, Narrative narrative, AuditEntry entry) {
        append(narratives, registerId, narrative, entry);
    }

    private static <T> List<T> listed(Map<String, List<T>> byRegister, String registerId) {
        return List.copyOf(byRegister.getOrDefault(registerId, List.of()));
    }

    /** Adds the record with its audit entry: the one transaction of the real store. */
    private <T> void append(Map<String, List<T>> byRegister, String registerId, T record, AuditEntry entry) {
        byRegister.computeIfAbsent(registerId, id -> new ArrayList<>()).add(record);
        trail.append(entry);
    }
}
