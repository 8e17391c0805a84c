package grants.core.support;

import grants.core.audit.AuditEntry;
import grants.core.ledger.LedgerStore;

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
    default Booking book(String programmeId, Booking booking, int accountLimitHalfDays, int adviserLimitHalfDays,
                         AuditEntry entry) {
        return book(programmeId, booking, accountLimitHalfDays, adviserLimitHalfDays, entry, LedgerStore.Change.NOTHING)
                .orElseThrow();
    }

    /**
     * As {@link #book(String, Booking, int, int, AuditEntry)}, with what the booking commits to the programme's
     * ledger ({@code charge}) in the same transaction.
     *
     * @return the stored booking (this one, or the one an earlier request with the same id made); empty,
     * writing nothing, if a budget line the charge is written over changed since it was read (decide again)
     */
    Optional<Booking> book(String programmeId, Booking booking, int accountLimitHalfDays, int adviserLimitHalfDays,
                           AuditEntry entry, LedgerStore.Change charge);

    Optional<Booking> booking(String programmeId, String bookingId);

    /** BOOKED to DELIVERED, adding the days to the delivered counters; a conflict if not BOOKED. */
    Booking deliver(String programmeId, String bookingId, String note, AuditEntry entry);

    /** BOOKED to CANCELLED, returning the days; a conflict if not BOOKED. */
    default Booking cancel(String programmeId, String bookingId, AuditEntry entry) {
        return cancel(programmeId, bookingId, entry, LedgerStore.Change.NOTHING).orElseThrow();
    }

    /**
     * As {@link #cancel(String, String, AuditEntry)}, with what the booking gives back to the ledger
     * ({@code release}) in the same transaction; empty, writing nothing, if a budget line it is written
     * over changed since it was read.
     */
    Optional<Booking> cancel(String programmeId, String bookingId, AuditEntry entry, LedgerStore.Change release);

    /** The counters of every partnership, pool and adviser that has any. */
    Map<Account, Counters> counters(String programmeId);
}
