package grants.testing.events;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.events.EventCancellation;
import grants.core.events.EventForm;
import grants.core.events.EventRoll;
import grants.core.events.EventService;
import grants.core.events.LearningEvent;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.notices.Notice;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.core.support.Adviser;
import grants.core.support.SupportService;
import grants.documents.JsonProgrammeDocuments;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryEventStore;
import grants.testing.InMemoryLedgerStore;
import grants.testing.InMemoryNoticeStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.InMemorySupportStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event's cost is committed to Learning to Deliver's ledger when the manager sets it up, in the event's own
 * write: what the manager entered plus its facilitators' days at their day rates (Ann Adviser: £450.00 a day), to
 * the line that pays for events (the RDA's, ring-fenced, for an economic-development event), refused with the line
 * and the shortfall when none has room, once however often the event is sent; given back when it is cancelled.
 */
class EventCostsThroughTheLedgerTest {

    private static final String L2D = "l2d-2007-08";
    private static final Actor MANAGER = new Actor("manager@wm.example", "manager@wm.example",
            Set.of(Role.PROGRAMME_MANAGER), Optional.empty(), Optional.empty(), Set.of(L2D));

    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore(trail);
    private final LedgerService ledger = new LedgerService(ledgerStore, clock);
    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemorySupportStore supportStore = new InMemorySupportStore(trail, ledgerStore);
    private final InMemoryNoticeStore notices = new InMemoryNoticeStore();
    private final InMemoryEventStore store = new InMemoryEventStore(supportStore, notices, trail);
    private final EventService events = new EventService(programmes, supportStore, store, clock, Optional.of(ledger));

    @BeforeEach
    void committedWestMidlandsWithAnAdviser() {
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock,
                new Random(5));
        allocations.putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        allocations.commit(L2D, CommitRequest.confirming(allocations.dryRun(L2D).inputHash()), Optional.empty());
        new SupportService(programmes, runs, supportStore, clock, new Random(3)).putAdviser(L2D,
                new Adviser("adviser-1", "Ann Adviser", List.of("health", "economic development"), 40,
                        Optional.of(45_000L)));
    }

    @Test
    void anEconomicDevelopmentEventIsChargedToTheRdaLineAndAnyOtherToTheEventsLine() {
        setLines(200_000L);

        events.create(MANAGER, L2D, "rda-seminar", event("economic-development", "1250.00"));
        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "300.50"));

        // £1,250.00 entered + 1 day of Ann Adviser at £450.00 = £1,700.00; £300.50 + £450.00 = £750.50
        assertThat(ledgerStore.entry(L2D, "event:rda-seminar")).get()
                .extracting(Entry::lineId, Entry::kind, Entry::amountPence, Entry::source)
                .containsExactly("rda-economic", EntryKind.COMMITTED, 170_000L, "Event rda-seminar (Workshop \"A workshop"
                        + " on economic-development\": £1,250.00 entered, 1.0 days of Ann Adviser at £450.00 a day)");
        assertThat(ledgerStore.entry(L2D, "event:pm-workshop")).get()
                .extracting(Entry::lineId, Entry::amountPence).containsExactly("events", 75_050L);
        assertThat(created("rda-seminar").after()).contains("£1,700.00 committed to Regional Development Agency: "
                + "Economic development support, 2007-08");
        assertThat(events.event(L2D, "rda-seminar").costPence()).contains(125_000L);
    }

    @Test
    void anEventNoLineHasRoomForIsRefusedNamingTheLineAndTheShortfallAndNothingIsWritten() {
        setLines(150_000L);
        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "600.00")); // £1,050.00 with the day

        // £500.00 + £450.00 = £950.00 against the £1,500.00 - £1,050.00 = £450.00 left: £500.00 short
        assertThatThrownBy(() -> events.create(MANAGER, L2D, "pm-workshop-2", event("performance-management", "500.00")))
                .isInstanceOf(LedgerRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "OVER_BUDGET")
                .hasMessageContaining("(£950.00) would take Core: Events, 2007-08 below zero: it has £450.00 left,"
                        + " a shortfall of £500.00");
        assertThat(events.events(L2D)).extracting(LearningEvent::id).containsExactly("pm-workshop");
        assertThat(ledgerStore.entries(L2D)).extracting(Entry::id).containsExactly("event:pm-workshop");
        assertThat(supportStore.counters(L2D)).as("only the first event's facilitator day drawn")
                .allSatisfy((account, counters) -> assertThat(counters.bookedHalfDays()).isEqualTo(2));
        assertThat(created("pm-workshop-2")).as("nothing recorded of the refused event").isNull();
    }

    @Test
    void theSameEventSentAgainCommitsOnceEvenWhenItTookTheLastOfTheLine() {
        setLines(100_000L);

        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "550.00")); // + £450.00: all £1,000.00
        LearningEvent again = events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "550.00"));

        assertThat(again.costPence()).contains(55_000L);
        assertThat(ledgerStore.entries(L2D)).extracting(Entry::id).containsExactly("event:pm-workshop");
        assertThatThrownBy(() -> events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "999.00")))
                .hasFieldOrPropertyWithValue("code", "EVENT_EXISTS");
    }

    @Test
    void anEventOfAProgrammeWithNoLineForEventsCommitsNothingAndOneWithoutACostCommitsItsFacilitatorsDays() {
        ledger.setLine(MANAGER, new LineRequest(L2D, "2007-08", "core-grants", "Grants to partnerships", "Core",
                54_000_000L, Set.of(Spend.GRANTS), Optional.empty(), false, 0));

        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "1000.00"));
        setLines(100_000L);
        events.create(MANAGER, L2D, "free-workshop", event("performance-management", null));

        assertThat(events.events(L2D)).extracting(LearningEvent::id).containsExactlyInAnyOrder("free-workshop", "pm-workshop");
        assertThat(ledgerStore.entries(L2D)).as("no line paid for events; then only the day of Ann Adviser")
                .singleElement().extracting(Entry::id, Entry::amountPence).containsExactly("event:free-workshop", 45_000L);
    }

    @Test
    void aBadCostIsNamedAndNothingIsWritten() {
        setLines(100_000L);
        for (String bad : List.of("12.345", "-5.00", "0.00", "lots")) {
            assertThatThrownBy(() -> events.create(MANAGER, L2D, "pm-workshop", event("performance-management", bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.details())
                            .extracting(Problem::field).containsExactly("cost"));
        }
        assertThat(events.events(L2D)).isEmpty();
        assertThat(ledgerStore.entries(L2D)).isEmpty();
    }

    @Test
    void aCancelledEventGivesBackItsCostAndItsFacilitatorsDaysOnceAndTellsEveryonePlacedOrWaiting() {
        setLines(200_000L);
        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "600.00", "1"));
        events.register(MANAGER, L2D, "pm-workshop", new EventService.Person("coventry", "Ann Lee", "ann@coventry.example"));
        events.register(MANAGER, L2D, "pm-workshop", new EventService.Person("dudley", "Bob Cole", "bob@dudley.example"));
        assertThat(line("events").remaining()).as("£2,000.00 - (£600.00 + £450.00)").isEqualTo(95_000L);

        EventRoll cancelled = events.cancelEvent(MANAGER, L2D, "pm-workshop", "  The venue flooded. ");
        int trailAfterCancel = trail.page(L2D, Optional.empty(), 100).entries().size();
        EventRoll again = events.cancelEvent(MANAGER, L2D, "pm-workshop", "Another reason");

        assertThat(cancelled.cancellation()).get().extracting(EventCancellation::reason).isEqualTo("The venue flooded.");
        assertThat(again.cancellation()).isEqualTo(cancelled.cancellation());
        assertThat(ledgerStore.entry(L2D, "release:event:pm-workshop")).get()
                .extracting(Entry::kind, Entry::amountPence, Entry::commitment)
                .containsExactly(EntryKind.RELEASED, 105_000L, Optional.of("event:pm-workshop"));
        assertThat(ledgerStore.entries(L2D)).as("released once, however often it is cancelled").extracting(Entry::id)
                .containsExactly("event:pm-workshop", "release:event:pm-workshop");
        assertThat(line("events").remaining()).as("£2,000.00 = £0.00 committed + £2,000.00 left").isEqualTo(200_000L);
        assertThat(supportStore.counters(L2D)).as("the facilitator's day given back")
                .allSatisfy((account, counters) -> assertThat(counters.bookedHalfDays()).isZero());
        List<Notice> told = notices.withPrefix(L2D, "event/pm-workshop/cancelled/");
        assertThat(told).as("the one with a place and the one waiting, once each").hasSize(2);
        assertThat(told.stream().map(notice -> notices.letter(L2D, notice.contentId()).orElseThrow()))
                .allSatisfy(letter -> assertThat(letter.subject())
                        .isEqualTo("Cancelled: A workshop on performance-management on 14 September 2007"))
                .anySatisfy(letter -> assertThat(letter.text()).contains("Dear Ann Lee", "your place is no longer held",
                        "The reason given: The venue flooded.").doesNotContain("calendar file"))
                .anySatisfy(letter -> assertThat(letter.text()).contains("Dear Bob Cole",
                        "you are no longer on its waiting list"));
        assertThat(trail.page(L2D, Optional.empty(), 100).entries()).as("recorded once").hasSize(trailAfterCancel)
                .filteredOn(entry -> entry.action().equals("EVENT_CALLED_OFF")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).contains("cancelled: The venue flooded.",
                        "2 told by email", "1.0 days given back to adviser-1",
                        "£1,050.00 given back to Core: Events, 2007-08"));
        assertThatThrownBy(() -> events.register(MANAGER, L2D, "pm-workshop",
                new EventService.Person("coventry", "Cat Moss", "cat@coventry.example")))
                .hasFieldOrPropertyWithValue("code", "EVENT_CANCELLED")
                .hasMessage("\"A workshop on performance-management\" on 14 September 2007 was cancelled (The venue"
                        + " flooded.), so nobody can register for it or change it now.");
    }

    @Test
    void anEventIsCancelledOnlyWithAReasonAndBeforeItBegins() {
        setLines(200_000L);
        events.create(MANAGER, L2D, "pm-workshop", event("performance-management", "600.00"));

        assertThatThrownBy(() -> events.cancelEvent(MANAGER, L2D, "pm-workshop", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.details())
                        .extracting(Problem::field).containsExactly("reason"));
        clock.set(Instant.parse("2007-09-14T09:00:01Z")); // 10:00:01 in summer time: it has begun
        assertThatThrownBy(() -> events.cancelEvent(MANAGER, L2D, "pm-workshop", "Too few came"))
                .hasFieldOrPropertyWithValue("code", "EVENT_HELD");
        assertThat(events.roll(L2D, "pm-workshop").isCancelled()).isFalse();
        assertThat(ledgerStore.entries(L2D)).extracting(Entry::id).containsExactly("event:pm-workshop");
    }

    @Test
    void twoFacilitatorsAreChargedHalfADayEachAtTheirOwnRatesAnOddPennyRoundedUp() {
        setLines(200_000L);
        support().putAdviser(L2D, new Adviser("adviser-2", "Bea Adviser", List.of("housing"), 40, Optional.of(45_001L)));

        events.create(MANAGER, L2D, "pair-workshop", new EventForm("WORKSHOP", "Working in pairs", "performance-management",
                "2007-09-14", "10:00", "13:00", "Council House, Coventry", null, "20", List.of("adviser-1", "adviser-2"),
                "0.5", List.of(), null, "100.00"));

        // £100.00 + half of £450.00 (£225.00) + half of £450.01 (£225.005, so £225.01) = £550.01
        assertThat(ledgerStore.entry(L2D, "event:pair-workshop")).get()
                .extracting(Entry::amountPence, Entry::source).containsExactly(55_001L, "Event pair-workshop (Workshop"
                        + " \"Working in pairs\": £100.00 entered, 0.5 days of Ann Adviser at £450.00 a day, 0.5 days"
                        + " of Bea Adviser at £450.01 a day)");
        assertThat(line("events").remaining()).as("£2,000.00 - £550.01").isEqualTo(144_999L);
    }

    @Test
    void aFacilitatorWithoutADayRateIsRefusedNamingThemAndNothingIsWritten() {
        setLines(200_000L);
        support().putAdviser(L2D, new Adviser("adviser-2", "Bea Adviser", List.of("housing"), 40));

        assertThatThrownBy(() -> events.create(MANAGER, L2D, "pair-workshop", new EventForm("WORKSHOP",
                "Working in pairs", "performance-management", "2007-09-14", "10:00", "13:00", "Council House, Coventry",
                null, "20", List.of("adviser-1", "adviser-2"), "0.5", List.of(), null, "100.00")))
                .hasFieldOrPropertyWithValue("code", "NO_DAY_RATE")
                .hasMessageContaining("Adviser Bea Adviser has no day rate");
        assertThat(events.events(L2D)).isEmpty();
        assertThat(ledgerStore.entries(L2D)).isEmpty();
        assertThat(supportStore.counters(L2D)).as("no facilitator's day drawn")
                .allSatisfy((account, counters) -> assertThat(counters.bookedHalfDays()).isZero());
    }

    private SupportService support() {
        return new SupportService(programmes, runs, supportStore, clock, new Random(3));
    }

    private BudgetLine line(String lineId) {
        return ledgerStore.line(L2D, grants.core.calendar.FinancialYear.of(java.time.LocalDate.of(2007, 9, 14)), lineId)
                .orElseThrow();
    }

    private void setLines(long eventsPence) {
        ledger.setLine(MANAGER, new LineRequest(L2D, "2007-08", "events", "Events", "Core", eventsPence,
                Set.of(Spend.EVENTS), Optional.empty(), false, 0));
        ledger.setLine(MANAGER, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", 7_000_000L, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));
    }

    private static EventForm event(String topic, String cost) {
        return event(topic, cost, "20");
    }

    private static EventForm event(String topic, String cost, String capacity) {
        return new EventForm("WORKSHOP", "A workshop on " + topic, topic, "2007-09-14", "10:00", "13:00",
                "Council House, Coventry", null, capacity, List.of("adviser-1"), "1", List.of(), null, cost);
    }

    private AuditEntry created(String eventId) {
        return trail.page(L2D, Optional.empty(), 100).entries().stream()
                .filter(entry -> entry.action().equals("EVENT_CREATED") && entry.target().equals("event " + eventId))
                .findFirst().orElse(null);
    }
}
