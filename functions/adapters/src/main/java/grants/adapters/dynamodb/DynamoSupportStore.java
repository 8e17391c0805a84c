package grants.adapters.dynamodb;

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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * Support days in the grants table, under {@code SUPPORT#{programmeId}}. A booking is one
 * transaction of three conditional writes: the account's counter (partnership or pool), the
 * adviser's counter, and the booking itself. DynamoDB applies all or none, so concurrent bookings
 * can never take either counter past its limit.
 *
 * <pre>
 * sk                                item
 * ADVISER#{id}                      name, specialisms, contractedHalfDays, dayRatePence (once set);
 *                                   bookedHalfDays, deliveredHalfDays
 * POOL#{id}                         county, members; bookedHalfDays, deliveredHalfDays
 * POOLMEMBER#{partnershipId}        poolId: a partnership is in one pool at most
 * ACCOUNT#PARTNERSHIP#{id}          bookedHalfDays, deliveredHalfDays
 * BOOKING#{id}                      adviserId, account, date, halfDays, topic, state, note, bookedAt, bookedBy,
 *                                   requestHash (id and hash from the caller's Idempotency-Key, if any)
 * </pre>
 *
 * A booking of a programme that keeps a ledger also writes its charge ({@code BUDGET#{programmeId}}: the
 * budget line over the version read, and its {@code booking:{id}} entry) in the same transaction, and a
 * cancellation the release of it; a line that changed meanwhile fails the transaction, and the booking is
 * decided again.
 */
public final class DynamoSupportStore implements SupportStore {

    private static final String BOOKED = "bookedHalfDays";
    private static final String DELIVERED = "deliveredHalfDays";
    /** Generous: 64 bookers on two cores collide often, and a refusal must mean a limit, not a busy table. */
    private static final int MAX_ATTEMPTS = 200;

    /** Where a booking's charge goes in its transaction: after the booking's own four writes. */
    private static final int FIRST_LEDGER_WRITE = 4;

    private final GrantsTable table;
    private final AuditTable audit;
    /** Writes a booking's charge to the ledger's items ({@code BUDGET#}), in the booking's own transaction. */
    private final DynamoLedgerStore ledger;

    public DynamoSupportStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
        this.ledger = new DynamoLedgerStore(table, audit);
    }

    private static String pk(String programmeId) {
        return Keys.support(programmeId);
    }

    @Override
    public void putAdviser(String programmeId, Adviser adviser) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":id", s(adviser.id()), ":name", s(adviser.name()),
                ":specialisms", GrantsTable.strings(adviser.specialisms()),
                ":contracted", n(adviser.contractedHalfDays()), ":schemaVersion", n(SupportItems.SCHEMA_VERSION)));
        adviser.dayRatePence().ifPresent(rate -> values.put(":dayRate", n(rate)));
        String dayRate = adviser.dayRatePence().isPresent() ? ", " + SupportItems.DAY_RATE + " = :dayRate"
                : " REMOVE " + SupportItems.DAY_RATE;
        table.client().updateItem(request -> request.tableName(table.name())
                .key(GrantsTable.key(pk(programmeId), Keys.adviser(adviser.id())))
                .updateExpression("SET adviserId = :id, #name = :name, specialisms = :specialisms,"
                        + " contractedHalfDays = :contracted, #schemaVersion = :schemaVersion" + dayRate)
                .expressionAttributeNames(Map.of("#name", "name", "#schemaVersion", GrantsTable.SCHEMA_VERSION_ATTRIBUTE))
                .expressionAttributeValues(values));
    }

    @Override
    public Optional<Adviser> adviser(String programmeId, String adviserId) {
        return get(programmeId, Keys.adviser(adviserId)).map(SupportItems::adviser);
    }

    @Override
    public List<Adviser> advisers(String programmeId) {
        return query(programmeId, Keys.adviserPrefix()).stream().map(SupportItems::adviser).toList();
    }

    @Override
    public void createPool(String programmeId, SupportPool pool, AuditEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(newItem(SupportItems.pool(programmeId, pool)));
        for (String member : pool.members()) {
            writes.add(newItem(SupportItems.poolMember(programmeId, member, pool.id())));
        }
        writes.add(audit.inTransaction(entry)); // last, so the members' indexes above stay as they are
        try {
            table.client().transactWriteItems(request -> request.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            List<CancellationReason> reasons = refused.cancellationReasons();
            if (failed(reasons, 0)) {
                throw new ConflictException("POOL_EXISTS", "Support pool \"" + pool.id() + "\" exists already.");
            }
            for (int i = 0; i < pool.members().size(); i++) {
                if (failed(reasons, i + 1)) {
                    String member = pool.members().get(i);
                    throw new ConflictException("ALREADY_POOLED", "\"" + member + "\" is in pool "
                            + poolOf(programmeId, member).orElse("?") + " already: a partnership pools with one pool only.");
                }
            }
            throw refused;
        }
    }

    @Override
    public Optional<SupportPool> pool(String programmeId, String poolId) {
        return get(programmeId, Keys.pool(poolId)).map(SupportItems::pool);
    }

    @Override
    public List<SupportPool> pools(String programmeId) {
        return query(programmeId, Keys.poolPrefix()).stream().map(SupportItems::pool).toList();
    }

    @Override
    public Optional<String> poolOf(String programmeId, String partnershipId) {
        return get(programmeId, Keys.poolMember(partnershipId)).map(item -> item.get("poolId").s());
    }

    @Override
    public Optional<Booking> book(String programmeId, Booking booking, int accountLimitHalfDays,
                                  int adviserLimitHalfDays, AuditEntry entry, LedgerStore.Change charge) {
        String pk = pk(programmeId);
        Account adviserAccount = new Account.OfAdviser(booking.adviserId());
        TransactWriteItem account = counterUpdate(pk, Keys.counter(booking.account()), booking.halfDays(),
                accountLimitHalfDays, booking.account() instanceof Account.OfPool);
        TransactWriteItem adviser = counterUpdate(pk, Keys.counter(adviserAccount), booking.halfDays(),
                adviserLimitHalfDays, true);
        TransactWriteItem write = newItem(SupportItems.booking(programmeId, booking));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(account, adviser, write, audit.inTransaction(entry)));
        writes.addAll(ledger.writes(charge));
        for (int attempt = 1; ; attempt++) {
            try {
                table.client().transactWriteItems(request -> request.transactItems(writes));
                return Optional.of(booking);
            } catch (TransactionCanceledException refused) {
                List<CancellationReason> reasons = refused.cancellationReasons();
                if (failed(reasons, 2)) {
                    // made by an earlier request with this key
                    return Optional.of(booking(programmeId, booking.id()).orElseThrow());
                }
                if (failed(reasons, 0)) {
                    throw new LimitExceededException("the entitlement of", booking.account().label(),
                            accountLimitHalfDays, booked(programmeId, booking.account()), booking.halfDays());
                }
                if (failed(reasons, 1)) {
                    throw new LimitExceededException("the contract of adviser", booking.adviserId(), adviserLimitHalfDays,
                            booked(programmeId, adviserAccount), booking.halfDays());
                }
                if (ledgerMoved(reasons)) {
                    return Optional.empty();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("BUSY", "Too many bookings at once for the same days; try again.");
                }
                backOff(attempt); // another booking's transaction held the same counters: try again
            }
        }
    }

    /** Adds days to a counter only while it stays within the limit; {@code mustExist} for pools and advisers. */
    private TransactWriteItem counterUpdate(String pk, String sk, int halfDays, int limit, boolean mustExist) {
        String withinLimit = "(attribute_not_exists(" + BOOKED + ") OR " + BOOKED + " <= :max)";
        return TransactWriteItem.builder().update(update -> update.tableName(table.name()).key(GrantsTable.key(pk, sk))
                .updateExpression("SET " + BOOKED + " = if_not_exists(" + BOOKED + ", :zero) + :days")
                .conditionExpression(mustExist ? "attribute_exists(pk) AND " + withinLimit : withinLimit)
                .expressionAttributeValues(Map.of(":zero", n(0), ":days", n(halfDays), ":max", n(limit - halfDays))))
                .build();
    }

    @Override
    public Optional<Booking> booking(String programmeId, String bookingId) {
        return get(programmeId, Keys.booking(bookingId)).map(SupportItems::booking);
    }

    @Override
    public Booking deliver(String programmeId, String bookingId, String note, AuditEntry entry) {
        return settle(programmeId, bookingId, Booking.State.DELIVERED, note, entry);
    }

    @Override
    public Optional<Booking> cancel(String programmeId, String bookingId, AuditEntry entry, LedgerStore.Change release) {
        return settle(programmeId, bookingId, Booking.State.CANCELLED, null, entry, release);
    }

    private Booking settle(String programmeId, String bookingId, Booking.State to, String note, AuditEntry entry) {
        return settle(programmeId, bookingId, to, note, entry, LedgerStore.Change.NOTHING).orElseThrow();
    }

    /**
     * BOOKED to DELIVERED (days count as delivered) or CANCELLED (days return, and the ledger's {@code change}
     * gives back what it committed), with its audit entry, in one transaction; empty if the ledger moved.
     */
    private Optional<Booking> settle(String programmeId, String bookingId, Booking.State to, String note,
                                     AuditEntry entry, LedgerStore.Change ledgerChange) {
        String pk = pk(programmeId);
        Booking booking = booking(programmeId, bookingId).orElseThrow(() ->
                new NotFoundException("There is no booking \"" + bookingId + "\"."));
        String counter = to == Booking.State.DELIVERED ? DELIVERED : BOOKED;
        int change = to == Booking.State.DELIVERED ? booking.halfDays() : -booking.halfDays();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":booked", s("BOOKED"), ":to", s(to.name())));
        String set = "SET #state = :to";
        if (note != null) {
            set += ", note = :note";
            values.put(":note", s(note));
        }
        String bookingUpdate = set;
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(update -> update.tableName(table.name())
                        .key(GrantsTable.key(pk, Keys.booking(bookingId))).updateExpression(bookingUpdate)
                        .conditionExpression("#state = :booked").expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(values)).build(),
                counterChange(pk, Keys.counter(booking.account()), counter, change),
                counterChange(pk, Keys.counter(new Account.OfAdviser(booking.adviserId())), counter, change));
        for (int attempt = 1; ; attempt++) {
            try {
                List<TransactWriteItem> recorded = new ArrayList<>(writes);
                recorded.add(audit.inTransaction(entry));
                recorded.addAll(ledger.writes(ledgerChange));
                table.client().transactWriteItems(request -> request.transactItems(recorded));
                return booking(programmeId, bookingId);
            } catch (TransactionCanceledException refused) {
                if (failed(refused.cancellationReasons(), 0)) {
                    throw new ConflictException("BOOKING_NOT_OPEN", "Booking " + bookingId + " is "
                            + booking(programmeId, bookingId).orElseThrow().state() + ", not BOOKED.");
                }
                if (ledgerMoved(refused.cancellationReasons())) {
                    return Optional.empty();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("BUSY", "Too many changes at once to the same days; try again.");
                }
                backOff(attempt);
            }
        }
    }

    private TransactWriteItem counterChange(String pk, String sk, String counter, int change) {
        return TransactWriteItem.builder().update(update -> update.tableName(table.name()).key(GrantsTable.key(pk, sk))
                .updateExpression("SET " + counter + " = if_not_exists(" + counter + ", :zero) + :change")
                .expressionAttributeValues(Map.of(":zero", n(0), ":change", n(change)))).build();
    }

    @Override
    public Map<Account, Counters> counters(String programmeId) {
        Map<Account, Counters> counters = new HashMap<>();
        for (Map<String, AttributeValue> item : query(programmeId, "")) {
            if (item.containsKey(BOOKED) || item.containsKey(DELIVERED)) {
                Keys.counterAccount(item.get(GrantsTable.SK).s()).ifPresent(account ->
                        counters.put(account, new Counters(number(item, BOOKED), number(item, DELIVERED))));
            }
        }
        return counters;
    }

    private int booked(String programmeId, Account account) {
        return get(programmeId, Keys.counter(account)).map(item -> number(item, BOOKED)).orElse(0);
    }

    /**
     * For another capability's transaction (an event's facilitator): the write that raises the adviser's booked
     * counter, the one bookings raise, only while it stays within their contract. A booking and an event can then
     * never together pass it.
     */
    TransactWriteItem drawOnAdviser(String programmeId, String adviserId, int halfDays, int contractedHalfDays) {
        return counterUpdate(pk(programmeId), Keys.counter(new Account.OfAdviser(adviserId)), halfDays,
                contractedHalfDays, true);
    }

    /** A transaction's update giving {@code halfDays} back to an adviser's contract (a cancelled event's facilitator). */
    TransactWriteItem giveBackToAdviser(String programmeId, String adviserId, int halfDays) {
        return TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(GrantsTable.key(pk(programmeId), Keys.counter(new Account.OfAdviser(adviserId))))
                .updateExpression("SET " + BOOKED + " = " + BOOKED + " - :days")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":days", n(halfDays)))).build();
    }

    /** The half-days booked on an adviser's contract now, for a refusal's message. */
    int bookedOnAdviser(String programmeId, String adviserId) {
        return booked(programmeId, new Account.OfAdviser(adviserId));
    }

    /** A transaction's put of an item that must be new. */
    private TransactWriteItem newItem(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** A condition of the ledger's writes failed: a budget line changed since the charge was decided. */
    private static boolean ledgerMoved(List<CancellationReason> reasons) {
        for (int index = FIRST_LEDGER_WRITE; reasons != null && index < reasons.size(); index++) {
            if (failed(reasons, index)) {
                return true;
            }
        }
        return false;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 5L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<Map<String, AttributeValue>> get(String programmeId, String sk) {
        return table.get(pk(programmeId), sk);
    }

    private List<Map<String, AttributeValue>> query(String programmeId, String skPrefix) {
        return table.query(pk(programmeId), skPrefix);
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        return (int) GrantsTable.number(item, name);
    }
}
