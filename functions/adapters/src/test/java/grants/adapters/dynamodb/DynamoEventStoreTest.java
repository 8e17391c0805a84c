package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.events.AdviserDraw;
import grants.core.events.EventKind;
import grants.core.events.EventRoll;
import grants.core.events.EventService;
import grants.core.events.LearningEvent;
import grants.core.events.Registration;
import grants.core.notices.Notice;
import grants.core.support.Account;
import grants.core.support.Adviser;
import grants.core.support.Booking;
import grants.core.support.LimitExceededException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events on DynamoDB Local: the last places raced for, the waiting list moved up with its email, adviser days shared with bookings. */
class DynamoEventStoreTest {

    private static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);
    private static final LearningEvent WORKSHOP = new LearningEvent("pm-workshop", EventKind.WORKSHOP,
            "Performance management", "performance-management", LocalDate.of(2007, 6, 14), LocalTime.of(10, 0),
            LocalTime.of(13, 0), "Council House, Coventry", null, 3, List.of("adviser-health"), 1, List.of(), null,
            Optional.empty());

    private DynamoEventStore store;
    private DynamoSupportStore support;
    private DynamoNoticeStore notices;
    private EventService events;

    @BeforeEach
    void freshTable() {
        GrantsTable table = StoreTables.fresh(getClass(), Clock.systemUTC());
        AuditTable audit = StoreTables.auditBeside(table);
        store = new DynamoEventStore(table, audit);
        support = new DynamoSupportStore(table, audit);
        notices = new DynamoNoticeStore(table);
        events = new EventService(new DynamoProgrammeRepository(table), support, store, Clock.systemUTC());
        support.putAdviser("wm", new Adviser("adviser-health", "Health adviser", List.of("health"), 3));
    }

    private static AuditEntry entry(String action) {
        return AuditEntry.by(MANAGER, Instant.now(), "wm", action, "event pm-workshop", null, null);
    }

    private static Actor member(String partnershipId) {
        return new Actor(partnershipId + "-rep", null, Set.of(Role.PARTNERSHIP_MEMBER), Optional.of(partnershipId),
                Optional.empty());
    }

    private EventService.Place register(String partnershipId, String name) {
        return events.register(member(partnershipId), "wm", "pm-workshop",
                new EventService.Person(partnershipId, name, name.replace(' ', '.') + "@" + partnershipId + ".example"));
    }

    @Test
    void thirtyTwoMembersRacingForTheLastTwoPlacesTakeExactlyTwo() throws Exception {
        store.create("wm", WORKSHOP, List.of(new AdviserDraw("adviser-health", 1, 3)), entry("EVENT_CREATED"));
        register("coventry", "First Person");
        ExecutorService racers = Executors.newFixedThreadPool(16);
        List<Callable<EventService.Place>> registrations = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int n = i;
            registrations.add(() -> register(n % 2 == 0 ? "dudley" : "rugby", "Racer " + n));
        }
        List<EventService.Place> places = new ArrayList<>();
        for (Future<EventService.Place> place : racers.invokeAll(registrations)) {
            places.add(place.get());
        }
        racers.shutdown();

        EventRoll roll = store.roll("wm", "pm-workshop").orElseThrow();
        assertThat(roll.placesTaken()).isEqualTo(3);
        assertThat(places).filteredOn(place -> place.registration().state() == Registration.State.PLACE).hasSize(2);
        assertThat(roll.waiting()).hasSize(30);
        assertThat(places).filteredOn(place -> place.registration().state() == Registration.State.WAITING)
                .extracting(EventService.Place::waitingPosition).doesNotHaveDuplicates();
        assertThat(roll.version()).as("one change per registration, none lost").isEqualTo(33);
    }

    @Test
    void aCancelledPlaceGoesToTheFirstWaitingInTheSameTransactionWithTheirEmail() {
        store.create("wm", WORKSHOP, List.of(), entry("EVENT_CREATED"));
        Registration first = register("coventry", "Ann Lee").registration();
        register("coventry", "Cat Moss");
        register("dudley", "Dan Reid");
        Registration bob = register("rugby", "Bob Cole").registration();
        assertThat(register("rugby", "Bob Cole").waitingPosition()).as("registering again finds the same").isEqualTo(1);

        events.cancel(member("coventry"), "wm", "pm-workshop", first.id());

        EventRoll roll = store.roll("wm", "pm-workshop").orElseThrow();
        assertThat(roll.registration(bob.id()).orElseThrow().state()).isEqualTo(Registration.State.PLACE);
        assertThat(roll.registration(first.id()).orElseThrow().state()).isEqualTo(Registration.State.CANCELLED);
        List<Notice> told = notices.withPrefix("wm", "event/pm-workshop/place-");
        assertThat(told).singleElement().satisfies(notice -> assertThat(notice.recipients())
                .containsExactly("Bob.Cole@rugby.example"));
        assertThat(notices.letter("wm", told.get(0).contentId()).orElseThrow().subject())
                .isEqualTo("You have a place: Performance management on 14 June 2007");
    }

    @Test
    void anEventsFacilitatorDaysComeFromTheCounterBookingsRaise() {
        support.book("wm", new Booking("b-1", "adviser-health", new Account.OfPartnership("rugby"), LocalDate.of(2007, 9, 3),
                2, "health", Booking.State.BOOKED, null, Instant.now(), "rugby-rep", "hash"), 4, 3, entry("SUPPORT_BOOKED"));

        assertThatThrownBy(() -> store.create("wm", WORKSHOP, List.of(new AdviserDraw("adviser-health", 2, 3)),
                entry("EVENT_CREATED"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("adviser adviser-health: 1.5 days, of which 1.0 are booked");
        assertThat(store.roll("wm", "pm-workshop")).isEmpty();

        assertThat(store.create("wm", WORKSHOP, List.of(new AdviserDraw("adviser-health", 1, 3)), entry("EVENT_CREATED")))
                .isTrue();
        assertThat(support.counters("wm").get(new Account.OfAdviser("adviser-health")).bookedHalfDays()).isEqualTo(3);
        assertThat(store.create("wm", WORKSHOP, List.of(new AdviserDraw("adviser-health", 1, 3)), entry("EVENT_CREATED")))
                .as("the same event again draws nothing").isFalse();
        assertThatThrownBy(() -> support.book("wm", new Booking("b-2", "adviser-health", new Account.OfPartnership("rugby"),
                LocalDate.of(2007, 9, 4), 1, "health", Booking.State.BOOKED, null, Instant.now(), "rugby-rep", "hash"), 4, 3,
                entry("SUPPORT_BOOKED"))).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void remindersAndInvitationsAreWrittenOnce() {
        store.create("wm", WORKSHOP, List.of(), entry("EVENT_CREATED"));
        List<EventService.Person> invitee = List.of(new EventService.Person(null, "Ann Lee", "ann@coventry.example"));
        assertThat(events.invite(MANAGER, "wm", "pm-workshop", invitee)).isEqualTo(1);
        assertThat(events.invite(MANAGER, "wm", "pm-workshop", invitee)).isZero();
        assertThat(notices.withPrefix("wm", "event/pm-workshop/invitation/")).hasSize(1);
    }
}
