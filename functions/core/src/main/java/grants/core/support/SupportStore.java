package grants.core.support;

import grants.core.audit.AuditEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where advisers, pools, bookings and their counters are kept (outbound port). A booking's change
 * carries its audit entry into its transaction: recorded exactly when it is made.
 */
public interface SupportStore {

    /** Creates or updates an adviser's details; its counters are never touched. */
    void putAdviser(String programmeId, Adviser adviser);

    Optional<Adviser> adviser(String programmeId, String adviserId);

    List<Adviser> advisers(String programmeId);

    /**
     * Creates a pool, atomically claiming each member so that no partnership is in two pools, its
     * audit entry in the same transaction.
     *
     * @throws grants.core.errors.ConflictException if the pool exists or a member is in another pool
     */
    void createPool(String programmeId, SupportPool pool, AuditEntry entry);

    Optional<SupportPool> pool(String programmeId, String poolId);

    List<SupportPool> pools(String programmeId);

    /** The pool a partnership belongs to, if any. */
    Optional<String> poolOf(String programmeId, String partnershipId);

    /**
     * Books in one transaction: the account's and the adviser's counters rise only if neither
     * passes its limit, and the booking and its audit entry are written only if its id is new.
     *
     * @return the stored booking: this one, or the one an earlier request with the same id made
     * @throws LimitExceededException naming the limit that would be passed
     */
    Booking book(String programmeId, Booking booking, int accountLimitHalfDays, int adviserLimitHalfDays,
                 AuditEntry entry);

    Optional<Booking> booking(String programmeId, String bookingId);

    /** BOOKED to DELIVERED, adding the days to the delivered counters; a conflict if not BOOKED. */
    Booking deliver(String programmeId, String bookingId, String note, AuditEntry entry);

    /** BOOKED to CANCELLED, returning the days; a conflict if not BOOKED. */
    Booking cancel(String programmeId, String bookingId, AuditEntry entry);

    /** The counters of every partnership, pool and adviser that has any. */
    Map<Account, Counters> counters(String programmeId);
}
