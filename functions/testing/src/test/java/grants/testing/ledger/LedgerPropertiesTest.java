package grants.testing.ledger;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Commitment;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.errors.ConflictException;
import grants.core.run.IdempotencyKey;
import grants.core.events.EventForm;
import grants.core.events.EventRoll;
import grants.core.events.EventService;
import grants.core.money.Money;
import grants.core.support.Account;
import grants.core.support.BalanceLine;
import grants.core.support.BookingRequest;
import grants.core.support.SupportService;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryEventStore;
import grants.testing.InMemoryLedgerStore;
import grants.testing.InMemoryNoticeStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.InMemorySupportStore;
import grants.testing.SettableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings, events and payment runs at once, each sent twice as a retry would: whatever the order, every line
 * holds budget = committed + remaining, its totals are the sum of its entries, no line goes below zero,
 * no commitment is paid beyond itself, and every commitment and payment appears exactly once.
 */
class LedgerPropertiesTest {

    private static final String SCOPE = "l2d-2007-08";
    private static final FinancialYear YEAR = FinancialYear.parse("2007-08").orElseThrow();
    private static final List<String> TOPICS = List.of("Economic development", "Governance and accountability");

    /** A booking of some pence on a topic, and, if {@code paidPence} > 0, its payment. */
    record Booking(int number, String topic, long pence, long paidPence) {
    }

    @Provide
    Arbitrary<List<Booking>> bookings() {
        Arbitrary<Booking> booking = Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.of(TOPICS), Arbitraries.longs().between(1, 400_000),
                        Arbitraries.longs().between(0, 450_000))
                .as(Booking::new);
        return booking.list().ofMinSize(1).ofMaxSize(60).uniqueElements(Booking::number);
    }

    @Property(tries = 40)
    void concurrentBookingsAndPaymentsKeepEveryLineWholeAndEveryEntryOnce(@ForAll("bookings") List<Booking> bookings)
            throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore(new InMemoryAuditTrail());
        LedgerService ledger = new LedgerService(store, new SettableClock(Instant.parse("2007-06-01T09:00:00Z")));
        Actor manager = new Actor("m", "m@wm.example", Set.of(Role.PROGRAMME_MANAGER), Optional.empty(),
                Optional.empty(), Set.of(SCOPE));
        adviserDayLines(ledger, manager, 3_000_000L, 2_000_000L);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Booking booking : bookings) {
                for (int retry = 0; retry < 2; retry++) {
                    running.add(threads.submit(() -> bookAndPay(ledger, booking)));
                }
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Entry> entries = everyLineWholeAndEveryEntryOnce(store);
        for (Booking booking : bookings) {
            boolean committed = store.entry(SCOPE, "booking:" + booking.number()).isPresent();
            boolean payable = committed && booking.paidPence() > 0 && booking.paidPence() <= booking.pence();
            assertThat(store.entry(SCOPE, "payment:" + booking.number()).isPresent()).isEqualTo(payable);
        }
    }

    /**
     * Every line holds budget = committed + remaining, its totals are the sum of its entries, it is not below
     * zero, no commitment is paid beyond itself, and no entry appears twice; the entries, for more checks.
     */
    private static List<Entry> everyLineWholeAndEveryEntryOnce(InMemoryLedgerStore store) {
        List<Entry> entries = store.entries(SCOPE);
        assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates();
        for (BudgetLine line : store.lines(SCOPE)) {
            List<Entry> ofLine = entries.stream().filter(entry -> entry.lineId().equals(line.lineId())).toList();
            long committed = sum(ofLine, EntryKind.COMMITTED) - sum(ofLine, EntryKind.RELEASED)
                    + sum(ofLine, EntryKind.ADJUSTED);
            assertThat(line.totals().committedPence()).as("committed of %s", line.lineId()).isEqualTo(committed);
            assertThat(line.totals().paidPence()).as("paid of %s", line.lineId()).isEqualTo(sum(ofLine, EntryKind.PAID));
            assertThat(line.budgetPence()).isEqualTo(line.totals().committedPence() + line.remaining());
            assertThat(line.remaining()).as("left of %s", line.lineId()).isGreaterThanOrEqualTo(0);
        }
        Map<String, Long> paidByCommitment = entries.stream().filter(entry -> entry.kind() == EntryKind.PAID)
                .collect(Collectors.groupingBy(entry -> entry.commitment().orElseThrow(),
                        Collectors.summingLong(Entry::amountPence)));
        paidByCommitment.forEach((commitment, paid) -> assertThat(paid)
                .isLessThanOrEqualTo(store.entry(SCOPE, commitment).orElseThrow().amountPence()));
        return entries;
    }

    private static void bookAndPay(LedgerService ledger, Booking booking) {
        String id = "booking:" + booking.number();
        try {
            ledger.commit(new Commitment(id, SCOPE, YEAR, Spend.ADVISER_DAYS, Optional.of(booking.topic()),
                    booking.pence(), "Booking " + booking.number(), "member", LocalDate.of(2007, 6, 1)));
            if (booking.paidPence() > 0) {
                ledger.pay(SCOPE, "payment:" + booking.number(), id, booking.paidPence(), "Payment run",
                        "finance", LocalDate.of(2007, 7, 1));
            }
        } catch (LedgerRefusedException refused) {
            assertThat(refused.code()).isIn("OVER_BUDGET", "OVERPAID");
        }
    }

    /** The RDA's line ring-fenced to economic development (its days and events), and a core line for adviser days. */
    private static void adviserDayLines(LedgerService ledger, Actor manager, long rdaPence, long corePence) {
        ledger.setLine(manager, new LineRequest(SCOPE, "2007-08", "rda", "Economic development support", "RDA",
                rdaPence, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS), Optional.of("Economic development"), false, 0));
        ledger.setLine(manager, new LineRequest(SCOPE, "2007-08", "days", "Adviser days", "Core", corePence,
                Set.of(Spend.ADVISER_DAYS), Optional.empty(), false, 0));
    }

    private static long sum(List<Entry> entries, EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).mapToLong(Entry::amountPence).sum();
    }

    /** A partnership's booking through SupportDays (the n-th funded one), of some half-days, perhaps cancelled. */
    record Act(int partnership, int halfDays, boolean economic, boolean cancelled) {
    }

    @Provide
    Arbitrary<List<Act>> acts() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 2),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Act::new).list().ofMinSize(1).ofMaxSize(30);
    }

    /** An event (its facilitator Ann Adviser for one or two half-days, perhaps a cost of its own), perhaps cancelled. */
    record EventAct(int number, boolean economic, int halfDays, long costPence, boolean cancelled) {
    }

    @Provide
    Arbitrary<List<EventAct>> events() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 2), Arbitraries.longs().between(0, 30_000),
                        Arbitraries.of(true, false)).as(EventAct::new)
                .list().ofMaxSize(10).uniqueElements(EventAct::number);
    }

    /**
     * Support bookings (their charge in the booking's own write) and cancellations, events set up (their cost and
     * facilitator's days in the event's own write) and cancelled, and a payment run paying contracts' instalments,
     * all at once and each sent twice: every line stays whole, each booking or event that stands is committed once
     * at its cost, each cancelled one given back once, each instalment paid once, and the adviser's counter holds
     * exactly the days of the bookings and events that stand.
     */
    @Property(tries = 15)
    void concurrentBookingsCancellationsAndPaymentRunsKeepEveryLineWholeAndEveryEntryOnce(@ForAll("acts") List<Act> acts,
            @ForAll("events") List<EventAct> eventActs) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        InMemoryLedgerStore store = new InMemoryLedgerStore(trail);
        LedgerService ledger = new LedgerService(store, clock);
        InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        InMemorySupportStore supportStore = new InMemorySupportStore(trail, store);
        SupportService support = new SupportService(programmes, runs, supportStore, clock, new Random(7), ledger);
        InMemoryEventStore eventStore = new InMemoryEventStore(supportStore, new InMemoryNoticeStore(), trail);
        EventService events = new EventService(programmes, supportStore, eventStore, clock, Optional.of(ledger));
        BookingsThroughTheLedgerTest.committedWestMidlandsWithAnAdviserAt450ADay(programmes, runs, clock, support, 400);
        List<String> funded = support.balances(SCOPE).stream().filter(line -> line.kind().equals("PARTNERSHIP"))
                .map(BalanceLine::id).toList();
        Actor manager = new Actor("m", "m@wm.example", Set.of(Role.PROGRAMME_MANAGER), Optional.empty(),
                Optional.empty(), Set.of(SCOPE));
        adviserDayLines(ledger, manager, 100_000L, 150_000L);
        ledger.setLine(manager, new LineRequest(SCOPE, "2007-08", "contracts", "Contracts", "Core", 1_000_000L,
                Set.of(Spend.CONTRACTS), Optional.empty(), false, 0));
        ledger.setLine(manager, new LineRequest(SCOPE, "2007-08", "events", "Events", "Core", 100_000L,
                Set.of(Spend.EVENTS), Optional.empty(), false, 0));
        for (int contract = 0; contract < 5; contract++) {
            ledger.commit(new Commitment("contract:" + contract, SCOPE, YEAR, Spend.CONTRACTS, Optional.empty(), 200_000L,
                    "Contract " + contract, "ledger-intake", LocalDate.of(2007, 6, 1)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int retry = 0; retry < 2; retry++) {
                for (int index = 0; index < acts.size(); index++) {
                    Act act = acts.get(index);
                    String key = "act-" + index;
                    running.add(threads.submit(() -> bookAndMaybeCancel(support, manager,
                            funded.get(act.partnership() % funded.size()), act, key)));
                }
                for (EventAct act : eventActs) {
                    running.add(threads.submit(() -> holdAndMaybeCancel(events, manager, act)));
                }
                for (int contract = 0; contract < 5; contract++) {
                    for (int instalment = 1; instalment <= 4; instalment++) {
                        String commitment = "contract:" + contract;
                        String payment = "paid:" + contract + "/" + instalment;
                        running.add(threads.submit(() -> ledger.pay(SCOPE, payment, commitment, 50_000L, "Payment run",
                                "finance", LocalDate.of(2007, 7, 1))));
                    }
                }
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Entry> entries = everyLineWholeAndEveryEntryOnce(store);
        int standingHalfDays = 0;
        assertThat(entries).filteredOn(entry -> entry.kind() == EntryKind.PAID).as("every instalment paid once")
                .hasSize(20).allSatisfy(paid -> assertThat(paid.lineId()).isEqualTo("contracts"));
        for (Entry committed : entries.stream().filter(entry -> entry.id().startsWith("booking:")).toList()) {
            grants.core.support.Booking booking = support.booking(SCOPE, committed.id().substring("booking:".length()));
            assertThat(committed.amountPence()).as("its days at £450.00 a day").isEqualTo(booking.halfDays() * 22_500L);
            boolean released = store.entry(SCOPE, "release:" + committed.id()).isPresent();
            assertThat(released).as("given back exactly when cancelled")
                    .isEqualTo(booking.state() == grants.core.support.Booking.State.CANCELLED);
            standingHalfDays += booking.state() == grants.core.support.Booking.State.CANCELLED ? 0 : booking.halfDays();
        }
        assertThat(entries).filteredOn(entry -> entry.id().startsWith("event:")).as("only events that were set up")
                .hasSize(eventStore.events(SCOPE).size());
        for (EventAct act : eventActs) {
            Optional<EventRoll> held = eventStore.roll(SCOPE, "event-" + act.number());
            Optional<Entry> committed = store.entry(SCOPE, "event:event-" + act.number());
            assertThat(committed.isPresent()).as("committed exactly when set up").isEqualTo(held.isPresent());
            if (held.isEmpty()) {
                continue;
            }
            assertThat(committed.get().amountPence()).as("its cost and its half-days at £450.00 a day")
                    .isEqualTo(act.costPence() + act.halfDays() * 22_500L);
            assertThat(committed.get().lineId()).isIn(act.economic() ? List.of("rda", "events") : List.of("events"));
            Optional<Entry> released = store.entry(SCOPE, "release:event:event-" + act.number());
            assertThat(released.isPresent()).as("given back exactly when cancelled").isEqualTo(held.get().isCancelled());
            released.ifPresent(entry -> assertThat(entry.amountPence()).isEqualTo(committed.get().amountPence()));
            standingHalfDays += held.get().isCancelled() ? 0 : act.halfDays();
        }
        assertThat(supportStore.counters(SCOPE).get(new Account.OfAdviser("adviser-1")).bookedHalfDays())
                .as("the adviser's counter: the days of the bookings and events that stand").isEqualTo(standingHalfDays);
    }

    private static void holdAndMaybeCancel(EventService events, Actor manager, EventAct act) {
        String eventId = "event-" + act.number();
        try {
            events.create(manager, SCOPE, eventId, new EventForm("WORKSHOP", "Workshop " + act.number(),
                    act.economic() ? "economic-development" : "performance-management", "2007-09-14", "10:00", "13:00",
                    "Council House, Coventry", null, "20", List.of("adviser-1"), act.halfDays() == 1 ? "0.5" : "1",
                    List.of(), null, act.costPence() == 0 ? null : Money.format(act.costPence())));
            if (act.cancelled()) {
                events.cancelEvent(manager, SCOPE, eventId, "Too few registered");
            }
        } catch (ConflictException refused) {
            assertThat(refused.code()).isIn("OVER_BUDGET", "SUPPORT_LIMIT_EXCEEDED", "CHANGED_MEANWHILE");
        }
    }

    private static void bookAndMaybeCancel(SupportService support, Actor manager, String partnership, Act act,
                                           String key) {
        try {
            grants.core.support.Booking booking = support.book(Actor.system(partnership + "-member",
                            Role.PARTNERSHIP_MEMBER), SCOPE, new BookingRequest("adviser-1", partnership, null,
                            LocalDate.of(2007, 9, 3), act.halfDays(), act.economic() ? "economic development" : "health"),
                    Optional.of(new IdempotencyKey(key)));
            if (act.cancelled()) {
                support.cancel(manager, SCOPE, booking.id());
            }
        } catch (ConflictException refused) {
            assertThat(refused.code()).isIn("OVER_BUDGET", "SUPPORT_LIMIT_EXCEEDED", "BOOKING_NOT_OPEN");
        }
    }
}
