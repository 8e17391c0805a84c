package grants.adapters.dynamodb;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Support days in DynamoDB: one transaction per booking keeps every counter within its limit. */
class DynamoSupportStoreTest {

    private DynamoSupportStore store;

    @BeforeEach
    void freshTable() {
        store = new DynamoSupportStore(StoreTables.fresh(getClass(), Clock.systemUTC()));
        store.putAdviser("wm", new Adviser("adviser-health", "Health adviser", List.of("health"), 6));
    }

    private static Booking booking(String id, Account account, int halfDays) {
        return new Booking(id, "adviser-health", account, LocalDate.of(2007, 9, 3), halfDays, "health",
                Booking.State.BOOKED, null, Instant.parse("2007-06-01T09:00:00Z"), "coventry-member-sub", "request-hash");
    }

    @Test
    void aBookingReadsBackAndCountsOnItsAccountAndItsAdviser() {
        Account rugby = new Account.OfPartnership("rugby");

        Booking made = store.book("wm", booking("b-1", rugby, 2), 2, 6);

        assertThat(store.booking("wm", "b-1")).contains(made);
        assertThat(store.counters("wm")).containsEntry(rugby, new Counters(2, 0))
                .containsEntry(new Account.OfAdviser("adviser-health"), new Counters(2, 0));
    }

    @Test
    void aBookingPastTheAccountsLimitIsRefusedNamingItAndChangesNothing() {
        Account rugby = new Account.OfPartnership("rugby");
        store.book("wm", booking("b-1", rugby, 2), 2, 6);

        assertThatThrownBy(() -> store.book("wm", booking("b-2", rugby, 1), 2, 6))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("partnership rugby");

        assertThat(store.booking("wm", "b-2")).isEmpty();
        assertThat(store.counters("wm").get(new Account.OfAdviser("adviser-health")).bookedHalfDays()).isEqualTo(2);
    }

    @Test
    void theSameBookingIdBooksOnce() {
        Account pool = new Account.OfPool("warwickshire-pool");
        store.createPool("wm", new SupportPool("warwickshire-pool", "warwickshire", List.of("rugby", "warwickshire")));

        store.book("wm", booking("b-1", pool, 2), 4, 6);
        store.book("wm", booking("b-1", pool, 2), 4, 6);

        assertThat(store.counters("wm").get(pool).bookedHalfDays()).isEqualTo(2);
    }

    @Test
    void aPartnershipIsInOnePoolOnly() {
        store.createPool("wm", new SupportPool("pool-a", "warwickshire", List.of("rugby", "warwickshire")));

        assertThatThrownBy(() -> store.createPool("wm", new SupportPool("pool-b", "warwickshire", List.of("rugby"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("pool-a");
        assertThat(store.poolOf("wm", "rugby")).contains("pool-a");
        assertThat(store.pools("wm")).extracting(SupportPool::id).containsExactly("pool-a");
    }

    @Test
    void deliveringAndCancellingMoveTheCounters() {
        Account dudley = new Account.OfPartnership("dudley");
        store.book("wm", booking("b-1", dudley, 1), 2, 6);
        store.book("wm", booking("b-2", dudley, 1), 2, 6);

        store.deliver("wm", "b-1", "Workshop held");
        store.cancel("wm", "b-2");

        assertThat(store.counters("wm").get(dudley)).isEqualTo(new Counters(1, 1));
        assertThat(store.booking("wm", "b-1").orElseThrow().note()).isEqualTo("Workshop held");
        assertThatThrownBy(() -> store.cancel("wm", "b-2")).isInstanceOf(ConflictException.class);
    }
}
