package grants.core.reporting;

import grants.core.audit.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * Where the indicator register is kept (outbound port). Every write goes with its audit entry in one
 * transaction: both or neither. The register is replaced whole, only at the version it was read at;
 * figures and narratives are added beside it, never changed (a revision is a new figure).
 */
public interface ReportingStore {

    /** Creates the register unless one has its id; true if this call created it (a retry changes nothing). */
    boolean create(Register fresh, AuditEntry entry);

    Optional<Register> register(String registerId);

    /** The ids of every register: few (a partnership keeps one or two), so a daily run may read each. */
    List<String> registerIds();

    /** Replaces the register if it is still at {@code expectedVersion}; false, and nothing written, if not. */
    boolean replace(Register next, long expectedVersion, AuditEntry entry);

    /** Every accepted figure of the register, in the order recorded. */
    List<Observation> observations(String registerId);

    /**
     * Adds the figure unless its indicator's quarter already has one with its {@code sequence}; true if
     * this call added it. Two owners racing for one revision: one wins, the other is told. It moves the
     * register to its next version in the same transaction, so that a change of the register read before
     * the figure (which could not see it, and so could change a field the figure locks) is refused as stale.
     */
    boolean addObservation(String registerId, Observation observation, AuditEntry entry);

    /**
     * A figure recorded under a caller's {@code Idempotency-Key} ({@code requestKey}, already scoped to
     * the caller), with the fingerprint of the request that recorded it.
     */
    record Requested(String requestKey, String fingerprint, Observation observation) {
    }

    /** The figure recorded under this request key, if one was. */
    Optional<Requested> requested(String registerId, String requestKey);

    /**
     * Adds the figure as {@link #addObservation} does, and with it, in the same transaction, its request key
     * (once: a second request with the key adds nothing and is told false).
     */
    boolean addRequestedObservation(String registerId, Requested requested, AuditEntry entry);

    /** Every narrative of the register, in the order written. */
    List<Narrative> narratives(String registerId);

    void addNarrative(String registerId, Narrative narrative, AuditEntry entry);
}
