package grants.testing.ledger;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.core.run.IdempotencyKey;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.BookingRequest;
import grants.core.support.SupportService;
import grants.documents.JsonProgrammeDocuments;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryLedgerStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.InMemorySupportStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Support bookings commit their days at the adviser's day rate to Learning to Deliver's ledger, in the
 * booking's own write: charged to the line that pays for adviser days (the RDA's for economic development),
 * refused with the line and the shortfall when none has room, given back when cancelled, once however often
 * sent.
 */
class BookingsThroughTheLedgerTest {

    private static final String L2D = "l2d-2007-08";
    private static final LocalDate IN_YEAR = LocalDate.of(2007, 9, 3);

    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore(trail);
    private final LedgerService ledger = new LedgerService(ledgerStore, clock);
    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemorySupportStore supportStore = new InMemorySupportStore(trail, ledgerStore);
    private final SupportService support = new SupportService(programmes, runs, supportStore, clock, new Random(3),
            ledger);

    private final Actor manager = new Actor("manager@wm.example", "manager@wm.example",
            Set.of(Role.PROGRAMME_MANAGER), Optional.empty(), Optional.empty(), Set.of(L2D));

    @BeforeEach
    void committedWestMidlandsWithAnAdviserAt450ADay() {
        committedWestMidlandsWithAnAdviserAt450ADay(programmes, runs, clock, support, 40);
    }

    /** The West Midlands run committed on these stores, and Ann Adviser at £450.00 a day: what a booking needs. */
    static void committedWestMidlandsWithAnAdviserAt450ADay(InMemoryProgrammeStore programmes, InMemoryRunStore runs,
                                                           SettableClock clock, SupportService support,
                                                           int contractedHalfDays) {
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock,
                new Random(5));
        allocations.putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        allocations.commit(L2D, CommitRequest.confirming(allocations.dryRun(L2D).inputHash()), Optional.empty());
        support.putAdviser(L2D, new Adviser("adviser-1", "Ann Adviser", List.of("health", "economic development"),
                contractedHalfDays, Optional.of(45_000L)));
    }

    @Test
    void anEconomicDevelopmentBookingIsChargedToTheRdaLineAndAnyOtherToTheAdviserDaysLine() {
        setLines(100_000L);

        Booking economic = book("birmingham", 2, "economic development", Optional.empty());
        Booking health = book("coventry", 1, "health", Optional.empty());

        assertThat(ledgerStore.entry(L2D, "booking:" + economic.id())).get()
                .extracting(Entry::lineId, Entry::kind, Entry::amountPence)
                .containsExactly("rda-economic", EntryKind.COMMITTED, 45_000L);
        assertThat(ledgerStore.entry(L2D, "booking:" + health.id())).get()
                .extracting(Entry::lineId, Entry::amountPence).as("half a day at £450.00")
                .containsExactly("adviser-days", 22_500L);
        assertThat(row("rda-economic").remainingPence()).isEqualTo(7_000_000L - 45_000L);
        assertThat(row("adviser-days").remainingPence()).isEqualTo(100_000L - 22_500L);
        assertThat(bookedEntry(economic).after()).contains("£450.00 committed to Regional Development Agency: "
                + "Economic development support, 2007-08");
    }

    @Test
    void aBookingNoLineHasRoomForIsRefusedNamingTheLineAndTheShortfallAndNothingIsWritten() {
        setLines(50_000L);
        book("birmingham", 2, "health", Optional.empty());

        assertThatThrownBy(() -> book("coventry", 2, "health", Optional.empty()))
                .isInstanceOf(LedgerRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "OVER_BUDGET")
                .hasMessageContaining("(£450.00) would take Core: Adviser days, 2007-08 below zero: it has £50.00 left,"
                        + " a shortfall of £400.00");
        assertThat(ledgerStore.entries(L2D)).hasSize(1);
        assertThat(row("adviser-days").committedPence()).isEqualTo(45_000L);
        assertThat(supportStore.counters(L2D).values()).allSatisfy(counters ->
                assertThat(counters.bookedHalfDays()).as("only the first booking's days").isEqualTo(2));
        assertThat(trail.page(L2D, Optional.empty(), 100).entries()).extracting(AuditEntry::action)
                .filteredOn("SUPPORT_BOOKED"::equals).hasSize(1);
    }

    @Test
    void aCancelledBookingGivesBackWhatItCommitted() {
        setLines(100_000L);
        Booking booking = book("birmingham", 2, "health", Optional.empty());

        support.cancel(manager, L2D, booking.id());

        assertThat(ledgerStore.entries(L2D)).extracting(Entry::kind, Entry::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.COMMITTED, 45_000L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.RELEASED, 45_000L));
        assertThat(row("adviser-days").committedPence()).isZero();
        assertThat(row("adviser-days").remainingPence()).isEqualTo(100_000L);
        assertThatThrownBy(() -> support.cancel(manager, L2D, booking.id()))
                .hasFieldOrPropertyWithValue("code", "BOOKING_NOT_OPEN");
        assertThat(ledgerStore.entries(L2D)).as("cancelled twice, given back once").hasSize(2);
    }

    @Test
    void aRetriedBookingCommitsOnce() {
        setLines(100_000L);
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("booking-1"));

        Booking first = book("birmingham", 2, "health", key);
        Booking retry = book("birmingham", 2, "health", key);

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(ledgerStore.entries(L2D)).extracting(Entry::id).containsExactly("booking:" + first.id());
        assertThat(row("adviser-days").committedPence()).isEqualTo(45_000L);
    }

    @Test
    void anAdviserWithoutADayRateCannotBeBookedWhereTheProgrammeKeepsALedger() {
        setLines(100_000L);
        support.putAdviser(L2D, new Adviser("adviser-2", "Ben Adviser", List.of("health"), 40));

        assertThatThrownBy(() -> support.book(member("birmingham"), L2D,
                new BookingRequest("adviser-2", "birmingham", null, IN_YEAR, 2, "health"), Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NO_DAY_RATE")
                .hasMessageContaining("Ben Adviser has no day rate");
        assertThat(supportStore.counters(L2D)).isEmpty();
    }

    @Test
    void aBookingNoLinePaysForBooksAsBeforeCommittingNothingAndOneTheRingFencePaysForIsCharged() {
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "core-grants", "Grants to partnerships", "Core",
                54_000_000L, Set.of(Spend.GRANTS), Optional.empty(), false, 0));
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", 7_000_000L, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));

        Booking health = book("birmingham", 2, "health", Optional.empty());
        Booking economic = book("coventry", 2, "economic development", Optional.empty());

        assertThat(health.state()).isEqualTo(Booking.State.BOOKED);
        assertThat(ledgerStore.entries(L2D)).as("only the booking a line pays for").extracting(Entry::id, Entry::lineId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("booking:" + economic.id(), "rda-economic"));
    }

    @Test
    void aProgrammeThatKeepsNoLedgerForTheYearBooksAsBeforeCommittingNothing() {
        support.putAdviser(L2D, new Adviser("adviser-2", "Ben Adviser", List.of("health"), 40));

        Booking booking = support.book(member("birmingham"), L2D,
                new BookingRequest("adviser-2", "birmingham", null, IN_YEAR, 2, "health"), Optional.empty());

        assertThat(booking.state()).isEqualTo(Booking.State.BOOKED);
        assertThat(ledgerStore.entries(L2D)).isEmpty();
    }

    /** A core line for adviser days, and the RDA's £70,000 ring-fenced to economic development. */
    private void setLines(long adviserDaysPence) {
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "adviser-days", "Adviser days", "Core",
                adviserDaysPence, Set.of(Spend.ADVISER_DAYS), Optional.empty(), false, 0));
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", 7_000_000L, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));
    }

    private Booking book(String partnershipId, int halfDays, String topic, Optional<IdempotencyKey> key) {
        return support.book(member(partnershipId), L2D,
                new BookingRequest("adviser-1", partnershipId, null, IN_YEAR, halfDays, topic), key);
    }

    private static Actor member(String partnershipId) {
        return Actor.system(partnershipId + "-member", Role.PARTNERSHIP_MEMBER);
    }

    private BudgetStatement.Row row(String lineId) {
        return ledger.statement(manager, L2D).rows().stream().filter(row -> lineId.equals(row.lineId())).findFirst()
                .orElseThrow();
    }

    private AuditEntry bookedEntry(Booking booking) {
        return trail.page(L2D, Optional.empty(), 100).entries().stream()
                .filter(entry -> entry.action().equals("SUPPORT_BOOKED") && entry.target().equals("booking " + booking.id()))
                .findFirst().orElseThrow();
    }
}
