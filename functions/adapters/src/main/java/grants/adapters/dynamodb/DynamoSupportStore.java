package grants.adapters.dynamodb;

import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.Counters;
import grants.core.support.LimitExceededException;
import grants.core.support.SupportPool;
import grants.core.support.SupportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
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
 * ADVISER#{id}                      name, specialisms, contractedHalfDays; bookedHalfDays, deliveredHalfDays
 * POOL#{id}                         county, members; bookedHalfDays, deliveredHalfDays
 * POOLMEMBER#{partnershipId}        poolId: a partnership is in one pool at most
 * ACCOUNT#PARTNERSHIP#{id}          bookedHalfDays, deliveredHalfDays
 * BOOKING#{id}                      adviserId, account, date, halfDays, topic, state, note, bookedAt
 * </pre>
 */
public final class DynamoSupportStore implements SupportStore {

    private static final String BOOKED = "bookedHalfDays";
    private static final String DELIVERED = "deliveredHalfDays";
    /** Generous: 64 bookers on two cores collide often, and a refusal must mean a limit, not a busy table. */
    private static final int MAX_ATTEMPTS = 200;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoSupportStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    private static String pk(String programmeId) {
        return "SUPPORT#" + programmeId;
    }

    /** The item that holds an account's counters. */
    private static String counterSk(String account) {
        return account.startsWith("PARTNERSHIP#") ? "ACCOUNT#" + account : account;
    }

    @Override
    public void putAdviser(String programmeId, Adviser adviser) {
        dynamoDb.updateItem(request -> request.tableName(tableName).key(GrantsTable.key(pk(programmeId), "ADVISER#" + adviser.id()))
                .updateExpression("SET #name = :name, specialisms = :specialisms, contractedHalfDays = :contracted")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", s(adviser.name()),
                        ":specialisms", AttributeValue.fromL(adviser.specialisms().stream().map(AttributeValue::fromS).toList()),
                        ":contracted", n(adviser.contractedHalfDays()))));
    }

    @Override
    public Optional<Adviser> adviser(String programmeId, String adviserId) {
        return get(programmeId, "ADVISER#" + adviserId).map(DynamoSupportStore::readAdviser);
    }

    @Override
    public List<Adviser> advisers(String programmeId) {
        return query(programmeId, "ADVISER#").stream().map(DynamoSupportStore::readAdviser).toList();
    }

    @Override
    public void createPool(String programmeId, SupportPool pool) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(tableName)
                .item(Map.of("pk", s(pk(programmeId)), "sk", s("POOL#" + pool.id()), "county", s(pool.county()),
                        "members", AttributeValue.fromL(pool.members().stream().map(AttributeValue::fromS).toList())))
                .conditionExpression("attribute_not_exists(pk)")).build());
        for (String member : pool.members()) {
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(tableName)
                    .item(Map.of("pk", s(pk(programmeId)), "sk", s("POOLMEMBER#" + member), "poolId", s(pool.id())))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
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
        return get(programmeId, "POOL#" + poolId).map(DynamoSupportStore::readPool);
    }

    @Override
    public List<SupportPool> pools(String programmeId) {
        return query(programmeId, "POOL#").stream().map(DynamoSupportStore::readPool).toList();
    }

    @Override
    public Optional<String> poolOf(String programmeId, String partnershipId) {
        return get(programmeId, "POOLMEMBER#" + partnershipId).map(item -> item.get("poolId").s());
    }

    @Override
    public Booking book(String programmeId, Booking booking, int accountLimitHalfDays, int adviserLimitHalfDays) {
        String pk = pk(programmeId);
        boolean pool = booking.account().startsWith("POOL#");
        TransactWriteItem account = counterUpdate(pk, counterSk(booking.account()), booking.halfDays(),
                accountLimitHalfDays, pool);
        TransactWriteItem adviser = counterUpdate(pk, "ADVISER#" + booking.adviserId(), booking.halfDays(),
                adviserLimitHalfDays, true);
        TransactWriteItem write = TransactWriteItem.builder().put(put -> put.tableName(tableName)
                .item(bookingItem(pk, booking)).conditionExpression("attribute_not_exists(pk)")).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(account, adviser, write));
                return booking;
            } catch (TransactionCanceledException refused) {
                List<CancellationReason> reasons = refused.cancellationReasons();
                if (failed(reasons, 2)) {
                    return booking(programmeId, booking.id()).orElseThrow(); // made by an earlier request with this key
                }
                if (failed(reasons, 0)) {
                    throw new LimitExceededException("the entitlement of", booking.account().replace('#', ' ').toLowerCase(),
                            accountLimitHalfDays, booked(programmeId, counterSk(booking.account())), booking.halfDays());
                }
                if (failed(reasons, 1)) {
                    throw new LimitExceededException("the contract of adviser", booking.adviserId(), adviserLimitHalfDays,
                            booked(programmeId, "ADVISER#" + booking.adviserId()), booking.halfDays());
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
        return TransactWriteItem.builder().update(update -> update.tableName(tableName).key(GrantsTable.key(pk, sk))
                .updateExpression("SET " + BOOKED + " = if_not_exists(" + BOOKED + ", :zero) + :days")
                .conditionExpression(mustExist ? "attribute_exists(pk) AND " + withinLimit : withinLimit)
                .expressionAttributeValues(Map.of(":zero", n(0), ":days", n(halfDays), ":max", n(limit - halfDays))))
                .build();
    }

    @Override
    public Optional<Booking> booking(String programmeId, String bookingId) {
        return get(programmeId, "BOOKING#" + bookingId).map(DynamoSupportStore::readBooking);
    }

    @Override
    public Booking deliver(String programmeId, String bookingId, String note) {
        return settle(programmeId, bookingId, Booking.State.DELIVERED, note);
    }

    @Override
    public Booking cancel(String programmeId, String bookingId) {
        return settle(programmeId, bookingId, Booking.State.CANCELLED, null);
    }

    /** BOOKED to DELIVERED (days count as delivered) or CANCELLED (days return), in one transaction. */
    private Booking settle(String programmeId, String bookingId, Booking.State to, String note) {
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
                TransactWriteItem.builder().update(update -> update.tableName(tableName)
                        .key(GrantsTable.key(pk, "BOOKING#" + bookingId)).updateExpression(bookingUpdate)
                        .conditionExpression("#state = :booked").expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(values)).build(),
                counterChange(pk, counterSk(booking.account()), counter, change),
                counterChange(pk, "ADVISER#" + booking.adviserId(), counter, change));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return booking(programmeId, bookingId).orElseThrow();
            } catch (TransactionCanceledException refused) {
                if (failed(refused.cancellationReasons(), 0)) {
                    throw new ConflictException("BOOKING_NOT_OPEN", "Booking " + bookingId + " is "
                            + booking(programmeId, bookingId).orElseThrow().state() + ", not BOOKED.");
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("BUSY", "Too many changes at once to the same days; try again.");
                }
                backOff(attempt);
            }
        }
    }

    private TransactWriteItem counterChange(String pk, String sk, String counter, int change) {
        return TransactWriteItem.builder().update(update -> update.tableName(tableName).key(GrantsTable.key(pk, sk))
                .updateExpression("SET " + counter + " = if_not_exists(" + counter + ", :zero) + :change")
                .expressionAttributeValues(Map.of(":zero", n(0), ":change", n(change)))).build();
    }

    @Override
    public Map<String, Counters> counters(String programmeId) {
        Map<String, Counters> counters = new HashMap<>();
        for (Map<String, AttributeValue> item : query(programmeId, "")) {
            if (item.containsKey(BOOKED) || item.containsKey(DELIVERED)) {
                String sk = item.get("sk").s();
                String account = sk.startsWith("ACCOUNT#") ? sk.substring("ACCOUNT#".length()) : sk;
                counters.put(account, new Counters(number(item, BOOKED), number(item, DELIVERED)));
            }
        }
        return counters;
    }

    private int booked(String programmeId, String sk) {
        return get(programmeId, sk).map(item -> number(item, BOOKED)).orElse(0);
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
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(pk(programmeId), sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The programme's support items whose sort key starts with the prefix; all of them for an empty one. */
    private List<Map<String, AttributeValue>> query(String programmeId, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(programmeId))));
        if (!skPrefix.isEmpty()) {
            values.put(":prefix", s(skPrefix));
        }
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression(skPrefix.isEmpty() ? "pk = :pk" : "pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(values))
                .items().forEach(items::add);
        return items;
    }

    private static Map<String, AttributeValue> bookingItem(String pk, Booking booking) {
        Map<String, AttributeValue> item = new HashMap<>(GrantsTable.key(pk, "BOOKING#" + booking.id()));
        item.put("bookingId", s(booking.id()));
        item.put("adviserId", s(booking.adviserId()));
        item.put("account", s(booking.account()));
        item.put("date", s(booking.date().toString()));
        item.put("halfDays", n(booking.halfDays()));
        item.put("topic", s(booking.topic()));
        item.put("state", s(booking.state().name()));
        item.put("bookedAt", s(booking.bookedAt().toString()));
        return item;
    }

    private static Booking readBooking(Map<String, AttributeValue> item) {
        AttributeValue note = item.get("note");
        return new Booking(item.get("bookingId").s(), item.get("adviserId").s(), item.get("account").s(),
                LocalDate.parse(item.get("date").s()), number(item, "halfDays"), item.get("topic").s(),
                Booking.State.valueOf(item.get("state").s()), note == null ? null : note.s(),
                Instant.parse(item.get("bookedAt").s()));
    }

    private static Adviser readAdviser(Map<String, AttributeValue> item) {
        return new Adviser(item.get("sk").s().substring("ADVISER#".length()), item.get("name").s(),
                item.get("specialisms").l().stream().map(AttributeValue::s).toList(), number(item, "contractedHalfDays"));
    }

    private static SupportPool readPool(Map<String, AttributeValue> item) {
        return new SupportPool(item.get("sk").s().substring("POOL#".length()), item.get("county").s(),
                item.get("members").l().stream().map(AttributeValue::s).toList());
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }
}
