package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.run.CommitRequest;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.run.AllocationService;
import grants.core.run.IdempotencyKey;
import grants.core.support.Adviser;
import grants.core.support.BalanceLine;
import grants.core.support.BalancesExport;
import grants.core.support.Booking;
import grants.core.support.BookingRequest;
import grants.core.support.LimitExceededException;
import grants.core.support.SupportService;
import grants.documents.JsonProgrammeDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Support days on in-memory stores: entitlements, pools, limits and balances. */
class SupportServiceTest {

    private static final LocalDate IN_YEAR = LocalDate.of(2007, 9, 3);
    private static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final Clock clock = Clock.fixed(Instant.parse("2007-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final SupportService support = new SupportService(programmes, runs, new InMemorySupportStore(), clock,
            new Random(3));

    @BeforeEach
    void committedWestMidlandsWithAnAdviser() {
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock,
                new Random(5));
        allocations.putProgramme("l2d-2007-08", TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "l2d-2007-08"));
        allocations.commit("l2d-2007-08", CommitRequest.confirming(allocations.dryRun("l2d-2007-08").inputHash()), Optional.empty());
        support.putAdviser("l2d-2007-08", new Adviser("adviser-health", "Health adviser", List.of("health"), 40));
    }

    private Booking book(String partnershipId, String poolId, int halfDays, Optional<IdempotencyKey> key) {
        return bookAs(partnershipId + "-member", partnershipId, poolId, halfDays, "health inequalities", key);
    }

    private Booking bookAs(String caller, String partnershipId, String poolId, int halfDays, String topic,
                           Optional<IdempotencyKey> key) {
        return support.book(Actor.system(caller, Role.PARTNERSHIP_MEMBER), "l2d-2007-08",
                new BookingRequest("adviser-health", partnershipId, poolId, IN_YEAR, halfDays, topic), key);
    }

    @Test
    void anAdviserKeepsTheirSpecialismsFromTheListAndAnUnknownOneIsRefusedByName() {
        support.putAdviser("l2d-2007-08", new Adviser("adviser-health", "Health adviser",
                List.of("performance management", "involving the voluntary sector"), 40));

        assertThat(support.adviser("l2d-2007-08", "adviser-health").orElseThrow().specialisms())
                .containsExactly("performance management", "involving the voluntary sector");
        assertThatThrownBy(() -> support.putAdviser("l2d-2007-08", new Adviser("adviser-health", "Health adviser",
                List.of("health", "Astrology"), 40)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused ->
                        assertThat(refused.details()).extracting(p -> p.field()).containsExactly("specialisms[1]"));
        assertThat(support.adviser("l2d-2007-08", "adviser-health").orElseThrow().specialisms()).as("unchanged")
                .containsExactly("performance management", "involving the voluntary sector");
    }

    @Test
    void aPartnershipCannotBookPastItsDayAndTheRefusalSaysByHowMuch() {
        book("birmingham", null, 2, Optional.empty());

        assertThatThrownBy(() -> book("birmingham", null, 1, Optional.empty()))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("partnership birmingham").hasMessageContaining("over by 0.5 days");
    }

    @Test
    void aRetriedBookingWithTheSameKeyBooksOnce() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("booking-1"));

        Booking first = book("coventry", null, 1, key);
        Booking retry = book("coventry", null, 1, key);

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(balance("coventry").bookedHalfDays()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedNamingTheHeaderAndBooksNothing() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("booking-1"));
        book("coventry", null, 1, key);

        assertThatThrownBy(() -> bookAs("coventry-member", "coventry", null, 2, "health inequalities", key))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Idempotency-Key header \"booking-1\"")
                .hasMessageContaining("different request");
        assertThatThrownBy(() -> bookAs("coventry-member", "coventry", null, 1, "another topic", key))
                .isInstanceOf(ConflictException.class);
        assertThat(balance("coventry").bookedHalfDays()).isEqualTo(1);
    }

    @Test
    void anotherCallersSameKeyMakesTheirOwnBookingNeverReturnsTheFirstCallers() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("booking-1"));
        Booking coventrys = bookAs("coventry-member", "coventry", null, 1, "health inequalities", key);

        Booking birminghams = bookAs("birmingham-member", "birmingham", null, 1, "health inequalities", key);

        assertThat(birminghams.id()).isNotEqualTo(coventrys.id());
        assertThat(birminghams.account().id()).isEqualTo("birmingham");
        assertThat(birminghams.bookedBy()).isEqualTo("birmingham-member");
        assertThat(balance("birmingham").bookedHalfDays()).isEqualTo(1);
        assertThat(balance("coventry").bookedHalfDays()).isEqualTo(1);
        assertThat(bookAs("birmingham-member", "birmingham", null, 1, "health inequalities", key))
                .as("each caller's retry replays their own").isEqualTo(birminghams);
    }

    @Test
    void aPooledPartnershipBooksThroughItsPoolWhoseLimitIsTheMembersSum() {
        support.createPool(MANAGER, "l2d-2007-08", "warwickshire-pool", List.of("warwickshire", "rugby", "stratford-on-avon"));

        assertThatThrownBy(() -> book("rugby", null, 1, Optional.empty()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("warwickshire-pool");
        book(null, "warwickshire-pool", 4, Optional.empty());

        assertThat(balance("warwickshire-pool").entitledHalfDays()).isEqualTo(6);
        assertThat(balance("warwickshire-pool").remainingHalfDays()).isEqualTo(2);
        assertThat(balance("adviser-health").remainingHalfDays()).isEqualTo(36);
    }

    @Test
    void aPoolMustBeOneLocalitys() {
        assertThatThrownBy(() -> support.createPool(MANAGER, "l2d-2007-08", "mixed", List.of("rugby", "bromsgrove")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not warwickshire");
    }

    @Test
    void deliveringCountsTheDaysAndCancellingGivesThemBack() {
        Booking delivered = book("dudley", null, 1, Optional.empty());
        Booking cancelled = book("sandwell", null, 2, Optional.empty());

        support.deliver(MANAGER, "l2d-2007-08", delivered.id(), "Workshop held");
        support.cancel(MANAGER, "l2d-2007-08", cancelled.id());

        assertThat(balance("dudley").deliveredHalfDays()).isEqualTo(1);
        assertThat(balance("sandwell").bookedHalfDays()).isZero();
        assertThatThrownBy(() -> support.cancel(MANAGER, "l2d-2007-08", cancelled.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void financeGetsTheBalancesAsACsvWithALink() {
        InMemoryBucket bucket = new InMemoryBucket();
        book("walsall", null, 1, Optional.empty());

        BalancesExport.Exported exported = new BalancesExport(support, bucket, bucket, clock).export("l2d-2007-08");

        assertThat(exported.key()).isEqualTo("exports/l2d-2007-08/support-balances/20070601T090000Z.csv");
        String csv = new String(bucket.get(exported.key()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("kind,id,name,pool,entitled_days").contains("PARTNERSHIP,walsall,Walsall,,1.0,0.5,0.0,0.5,0.0");
        assertThat(exported.link().toString()).contains(exported.key());
    }

    private BalanceLine balance(String id) {
        return support.balances("l2d-2007-08").stream().filter(line -> line.id().equals(id)).findFirst().orElseThrow();
    }

}
