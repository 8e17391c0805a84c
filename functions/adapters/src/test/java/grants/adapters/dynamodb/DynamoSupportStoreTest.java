package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.support.Account;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.Counters;
import grants.core.support.LimitExceededException;
import grants.core.support.SupportPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Support days in DynamoDB: one transaction per booking keeps every counter within its limit. */
class DynamoSupportStoreTest {

    private static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);

    private DynamoSupportStore store;
    private DynamoAuditTrail trail;

    @BeforeEach
    void freshTable() {
        GrantsTable table = StoreTables.fresh(getClass(), Clock.systemUTC());
        AuditTable audit = StoreTables.auditBeside(table);
        store = new DynamoSupportStore(table, audit);
        trail = new DynamoAuditTrail(audit);
        store.putAdviser("wm", new Adviser("adviser-health", "Health adviser", List.of("health"), 6));
    }

    private static AuditEntry entry(String action, String bookingId) {
        return AuditEntry.by(MANAGER, Instant.now(), "wm", action, "booking " + bookingId, null, null);
    }

    /** The programme's trail, as "ACTION target". */
    private List<String> recorded() {
        return trail.page("wm", Optional.empty(), 100).entries().stream().map(e -> e.action() + " " + e.target()).toList();
    }

    private static Booking booking(String id, Account account, int halfDays) {
        return new Booking(id, "adviser-health", account, LocalDate.of(2007, 9, 3), halfDays, "health",
                Booking.State.BOOKED, null, Instant.parse("2007-06-01T09:00:00Z"), "coventry-member-sub", "request-hash");
    }

    @Test
    void aBookingReadsBackAndCountsOnItsAccountAndItsAdviser() {
        Account rugby = new Account.OfPartnership("rugby");

        Booking made = store.book("wm", booking("b-1", rugby, 2), 2, 6, entry("SUPPORT_BOOKED", "b-1"));

        assertThat(store.booking("wm", "b-1")).contains(made);
        assertThat(store.counters("wm")).containsEntry(rugby, new Counters(2, 0))
                .containsEntry(new Account.OfAdviser("adviser-health"), new Counters(2, 0));
    }

    @Test
    void aBookingPastTheAccountsLimitIsRefusedNamingItAndChangesNothing() {
        Account rugby = new Account.OfPartnership("rugby");
        store.book("wm", booking("b-1", rugby, 2), 2, 6, entry("SUPPORT_BOOKED", "b-1"));

        assertThatThrownBy(() -> store.book("wm", booking("b-2", rugby, 1), 2, 6, entry("SUPPORT_BOOKED", "b-2")))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("partnership rugby");

        assertThat(store.booking("wm", "b-2")).isEmpty();
        assertThat(recorded()).as("a refused booking leaves no entry").containsExactly("SUPPORT_BOOKED booking b-1");
        assertThat(store.counters("wm").get(new Account.OfAdviser("adviser-health")).bookedHalfDays()).isEqualTo(2);
    }

    @Test
    void theSameBookingIdBooksOnce() {
        Account pool = new Account.OfPool("warwickshire-pool");
        store.createPool("wm", new SupportPool("warwickshire-pool", "warwickshire", List.of("rugby", "warwickshire")), entry("POOL_CREATED", "warwickshire-pool"));

        store.book("wm", booking("b-1", pool, 2), 4, 6, entry("SUPPORT_BOOKED", "b-1"));
        store.book("wm", booking("b-1", pool, 2), 4, 6, entry("SUPPORT_BOOKED", "b-1"));

        assertThat(store.counters("wm").get(pool).bookedHalfDays()).isEqualTo(2);
        assertThat(recorded()).as("recorded once, with the one booking").filteredOn(e -> e.startsWith("SUPPORT_BOOKED"))
                .containsExactly("SUPPORT_BOOKED booking b-1");
    }

    @Test
    void aPartnershipIsInOnePoolOnly() {
        store.createPool("wm", new SupportPool("pool-a", "warwickshire", List.of("rugby", "warwickshire")), entry("POOL_CREATED", "pool-a"));

        assertThatThrownBy(() -> store.createPool("wm", new SupportPool("pool-b", "warwickshire", List.of("rugby")), entry("POOL_CREATED", "pool-b")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("pool-a");
        assertThat(store.poolOf("wm", "rugby")).contains("pool-a");
        assertThat(store.pools("wm")).extracting(SupportPool::id).containsExactly("pool-a");
        assertThat(recorded()).as("the refused pool left no entry").filteredOn(e -> e.startsWith("POOL_CREATED"))
                .hasSize(1);
    }

    @Test
    void deliveringAndCancellingMoveTheCounters() {
        Account dudley = new Account.OfPartnership("dudley");
        store.book("wm", booking("b-1", dudley, 1), 2, 6, entry("SUPPORT_BOOKED", "b-1"));
        store.book("wm", booking("b-2", dudley, 1), 2, 6, entry("SUPPORT_BOOKED", "b-2"));

        store.deliver("wm", "b-1", "Workshop held", entry("SUPPORT_DELIVERED", "b-1"));
        store.cancel("wm", "b-2", entry("SUPPORT_CANCELLED", "b-2"));

        assertThat(store.counters("wm").get(dudley)).isEqualTo(new Counters(1, 1));
        assertThat(store.booking("wm", "b-1").orElseThrow().note()).isEqualTo("Workshop held");
        assertThatThrownBy(() -> store.cancel("wm", "b-2", entry("SUPPORT_CANCELLED", "b-2"))).isInstanceOf(ConflictException.class);
        assertThat(recorded()).as("the refused second cancel left no entry").containsExactlyInAnyOrder(
                "SUPPORT_BOOKED booking b-1", "SUPPORT_BOOKED booking b-2", "SUPPORT_DELIVERED booking b-1",
                "SUPPORT_CANCELLED booking b-2");
    }
}
