package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.ledger.LedgerStore;
import grants.core.support.Account;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.Counters;
import grants.core.support.LimitExceededException;
import grants.core.support.SupportPool;
import grants.core.support.SupportStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link SupportStore} in memory, one programme's state per id; each change is atomic, as the DynamoDB transactions are. */
public final class InMemorySupportStore implements SupportStore {

    private final Map<String, TreeMap<String, Adviser>> advisers = new HashMap<>();
    private final Map<String, TreeMap<String, SupportPool>> pools = new HashMap<>();
    private final Map<String, Map<String, String>> poolOf = new HashMap<>();
    private final Map<String, Map<String, Booking>> bookings = new HashMap<>();
    private final Map<String, Map<Account, Counters>> counters = new HashMap<>();
    private final InMemoryAuditTrail trail;
    private final Optional<LedgerStore> ledger;

    public InMemorySupportStore() {
        this(new InMemoryAuditTrail());
    }

    /** Recording bookings' entries into a trail the test also reads. */
    public InMemorySupportStore(InMemoryAuditTrail trail) {
        this.trail = trail;
        this.ledger = Optional.empty();
    }

    /** Writing each booking's charge to {@code ledger} with it, all or nothing, as the DynamoDB transaction does. */
    public InMemorySupportStore(InMemoryAuditTrail trail, LedgerStore ledger) {
        this.trail = trail;
        this.ledger = Optional.of(ledger);
    }

    @Override
    public synchronized void putAdviser(String programmeId, Adviser adviser) {
        advisers.computeIfAbsent(programmeId, id -> new TreeMap<>()).put(adviser.id(), adviser);
    }

    @Override
    public synchronized Optional<Adviser> adviser(String programmeId, String adviserId) {
        return Optional.ofNullable(advisers.getOrDefault(programmeId, new TreeMap<>()).get(adviserId));
    }

    @Override
    public synchronized List<Adviser> advisers(String programmeId) {
        return List.copyOf(advisers.getOrDefault(programmeId, new TreeMap<>()).values());
    }

    @Override
    public synchronized void createPool(String programmeId, SupportPool pool, AuditEntry entry) {
        TreeMap<String, SupportPool> existing = pools.computeIfAbsent(programmeId, id -> new TreeMap<>());
        Map<String, String> members = poolOf.computeIfAbsent(programmeId, id -> new HashMap<>());
        if (existing.containsKey(pool.id())) {
            throw new ConflictException("POOL_EXISTS", "Support pool \"" + pool.id() + "\" exists already.");
        }
        for (String member : pool.members()) {
            if (members.containsKey(member)) {
                throw new ConflictException("ALREADY_POOLED", "\"" + member + "\" is in pool " + members.get(member)
                        + " already: a partnership pools with one pool only.");
            }
        }
        existing.put(pool.id(), pool);
        pool.members().forEach(member -> members.put(member, pool.id()));
        trail.append(entry);
    }

    @Override
    public synchronized Optional<SupportPool> pool(String programmeId, String poolId) {
        return Optional.ofNullable(pools.getOrDefault(programmeId, new TreeMap<>()).get(poolId));
    }

    @Override
    public synchronized List<SupportPool> pools(String programmeId) {
        return List.copyOf(pools.getOrDefault(programmeId, new TreeMap<>()).values());
    }

    @Override
    public synchronized Optional<String> poolOf(String programmeId, String partnershipId) {
        return Optional.ofNullable(poolOf.getOrDefault(programmeId, Map.of()).get(partnershipId));
    }

    @Override
    public synchronized Optional<Booking> book(String programmeId, Booking booking, int accountLimitHalfDays,
                                               int adviserLimitHalfDays, AuditEntry entry, LedgerStore.Change charge) {
        Map<String, Booking> made = bookings.computeIfAbsent(programmeId, id -> new HashMap<>());
        if (made.containsKey(booking.id())) {
            return Optional.of(made.get(booking.id()));
        }
        Account adviser = new Account.OfAdviser(booking.adviserId());
        int accountBooked = counters(programmeId, booking.account()).bookedHalfDays();
        if (accountBooked + booking.halfDays() > accountLimitHalfDays) {
            throw new LimitExceededException("the entitlement of", booking.account().label(), accountLimitHalfDays,
                    accountBooked, booking.halfDays());
        }
        int adviserBooked = counters(programmeId, adviser).bookedHalfDays();
        if (adviserBooked + booking.halfDays() > adviserLimitHalfDays) {
            throw new LimitExceededException("the contract of adviser", booking.adviserId(), adviserLimitHalfDays,
                    adviserBooked, booking.halfDays());
        }
        if (!written(charge)) {
            return Optional.empty();
        }
        add(programmeId, booking.account(), booking.halfDays(), 0);
        add(programmeId, adviser, booking.halfDays(), 0);
        made.put(booking.id(), booking);
        trail.append(entry);
        return Optional.of(booking);
    }

    /** The ledger's part of a booking, a cancellation or an event, written first: if it cannot be, nothing is. */
    boolean written(LedgerStore.Change change) {
        if (change.lines().isEmpty() && change.entries().isEmpty()) {
            return true;
        }
        return ledger.orElseThrow(() -> new IllegalStateException("this store keeps no ledger")).apply(change);
    }

    @Override
    public synchronized Optional<Booking> booking(String programmeId, String bookingId) {
        return Optional.ofNullable(bookings.getOrDefault(programmeId, Map.of()).get(bookingId));
    }

    @Override
    public synchronized Booking deliver(String programmeId, String bookingId, String note, AuditEntry entry) {
        Booking booking = open(programmeId, bookingId);
        trail.append(entry);
        return settle(programmeId, booking, booking.settled(Booking.State.DELIVERED, note), 0, booking.halfDays());
    }

    @Override
    public synchronized Optional<Booking> cancel(String programmeId, String bookingId, AuditEntry entry,
                                                 LedgerStore.Change release) {
        Booking booking = open(programmeId, bookingId);
        if (!written(release)) {
            return Optional.empty();
        }
        trail.append(entry);
        return Optional.of(settle(programmeId, booking, booking.settled(Booking.State.CANCELLED, null),
                -booking.halfDays(), 0));
    }

    @Override
    public synchronized Map<Account, Counters> counters(String programmeId) {
        return Map.copyOf(counters.getOrDefault(programmeId, Map.of()));
    }

    private Booking open(String programmeId, String bookingId) {
        Booking booking = booking(programmeId, bookingId).orElseThrow(() ->
                new NotFoundException("There is no booking \"" + bookingId + "\"."));
        if (booking.state() != Booking.State.BOOKED) {
            throw new ConflictException("BOOKING_NOT_OPEN", "Booking " + bookingId + " is " + booking.state()
                    + ", not BOOKED.");
        }
        return booking;
    }

    private Booking settle(String programmeId, Booking before, Booking after, int bookedChange, int deliveredChange) {
        add(programmeId, before.account(), bookedChange, deliveredChange);
        add(programmeId, new Account.OfAdviser(before.adviserId()), bookedChange, deliveredChange);
        bookings.get(programmeId).put(after.id(), after);
        return after;
    }

    /**
     * Draws days on advisers' contracts all or none, then does {@code alsoDo} under the same lock, as the DynamoDB
     * transaction of an event's creation does with the adviser's counter: a booking and an event can never
     * together pass an adviser's contract.
     *
     * @param draws half-days by adviser id; @param limits each adviser's contracted half-days
     */
    public synchronized <T> T drawOnAdvisers(String programmeId, Map<String, Integer> draws, Map<String, Integer> limits,
                                             java.util.function.Supplier<T> alsoDo) {
        for (Map.Entry<String, Integer> draw : draws.entrySet()) {
            int booked = counters(programmeId, new Account.OfAdviser(draw.getKey())).bookedHalfDays();
            if (booked + draw.getValue() > limits.get(draw.getKey())) {
                throw new LimitExceededException("the contract of adviser", draw.getKey(), limits.get(draw.getKey()),
                        booked, draw.getValue());
            }
        }
        T done = alsoDo.get();
        draws.forEach((adviserId, halfDays) -> add(programmeId, new Account.OfAdviser(adviserId), halfDays, 0));
        return done;
    }

    private Counters counters(String programmeId, Account account) {
        return counters.getOrDefault(programmeId, Map.of()).getOrDefault(account, Counters.NONE);
    }

    private void add(String programmeId, Account account, int booked, int delivered) {
        Counters now = counters(programmeId, account);
        counters.computeIfAbsent(programmeId, id -> new HashMap<>()).put(account,
                new Counters(now.bookedHalfDays() + booked, now.deliveredHalfDays() + delivered));
    }
}
