package grants.adapters.dynamodb;

import grants.core.support.Account;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.SupportPool;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/** Advisers, pools and bookings to and from their items: the storage format, apart from the API's. */
final class SupportItems {

    static final int SCHEMA_VERSION = 1;
    /** What a day of the adviser's time costs, in pence; absent until it is set. */
    static final String DAY_RATE = "dayRatePence";
    private static final String PARTNERSHIP = "PARTNERSHIP";
    private static final String POOL = "POOL";

    private SupportItems() {
    }

    static Adviser adviser(Map<String, AttributeValue> item) {
        return new Adviser(text(item, "adviserId"), text(item, "name"), strings(item, "specialisms"),
                (int) number(item, "contractedHalfDays"),
                Optional.ofNullable(item.get(DAY_RATE)).map(rate -> Long.parseLong(rate.n())));
    }

    static Map<String, AttributeValue> pool(String programmeId, SupportPool pool) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.support(programmeId), Keys.pool(pool.id()), SCHEMA_VERSION);
        item.put("poolId", s(pool.id()));
        item.put("county", s(pool.county()));
        item.put("members", strings(pool.members()));
        return item;
    }

    static SupportPool pool(Map<String, AttributeValue> item) {
        return new SupportPool(text(item, "poolId"), text(item, "county"), strings(item, "members"));
    }

    static Map<String, AttributeValue> poolMember(String programmeId, String partnershipId, String poolId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.support(programmeId), Keys.poolMember(partnershipId),
                SCHEMA_VERSION);
        item.put("poolId", s(poolId));
        return item;
    }

    static Map<String, AttributeValue> booking(String programmeId, Booking booking) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.support(programmeId), Keys.booking(booking.id()),
                SCHEMA_VERSION);
        item.put("bookingId", s(booking.id()));
        item.put("adviserId", s(booking.adviserId()));
        item.put("accountKind", s(booking.account() instanceof Account.OfPool ? POOL : PARTNERSHIP));
        item.put("accountId", s(booking.account().id()));
        item.put("date", s(booking.date().toString()));
        item.put("halfDays", n(booking.halfDays()));
        item.put("topic", s(booking.topic()));
        item.put("state", s(booking.state().name()));
        item.put("bookedAt", s(booking.bookedAt().toString()));
        item.put("bookedBy", s(booking.bookedBy()));
        if (booking.requestHash() != null) {
            item.put("requestHash", s(booking.requestHash()));
        }
        return item;
    }

    static Booking booking(Map<String, AttributeValue> item) {
        String accountId = text(item, "accountId");
        Account account = POOL.equals(text(item, "accountKind")) ? new Account.OfPool(accountId)
                : new Account.OfPartnership(accountId);
        return new Booking(text(item, "bookingId"), text(item, "adviserId"), account, LocalDate.parse(text(item, "date")),
                (int) number(item, "halfDays"), text(item, "topic"), Booking.State.valueOf(text(item, "state")),
                text(item, "note"), Instant.parse(text(item, "bookedAt")), text(item, "bookedBy"),
                text(item, "requestHash"));
    }
}
