package grants.testing.events;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.calendar.WorkingDays;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.events.ActionLearningSets;
import grants.core.events.CalendarFile;
import grants.core.events.EventForm;
import grants.core.events.EventParticipation;
import grants.core.events.EventService;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.Participation;
import grants.core.events.Registration;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.core.support.Adviser;
import grants.core.support.BookingRequest;
import grants.core.support.LimitExceededException;
import grants.core.support.SupportService;
import grants.documents.JsonProgrammeDocuments;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryEventStore;
import grants.testing.InMemoryNoticeStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.InMemorySupportStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workshops, Action Learning Sets and seminars on the in-memory stores, as a manager, members and advisers meet them. */
class LearningEventsTest {

    private static final String PROGRAMME = "l2d-2007-08";
    private static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);
    private static final Actor COVENTRY = member("coventry", "rep@coventry.example");
    private static final Actor DUDLEY = member("dudley", "rep@dudley.example");
    private static final Actor FACILITATOR = adviser("adviser-governance");
    private static final Actor OTHER_ADVISER = adviser("adviser-health");

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemorySupportStore supportStore = new InMemorySupportStore(trail);
    private final InMemoryNoticeStore notices = new InMemoryNoticeStore();
    private final InMemoryEventStore store = new InMemoryEventStore(supportStore, notices, trail);
    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final SupportService support = new SupportService(programmes, runs, supportStore, clock, new Random(3));
    private final EventService events = new EventService(programmes, supportStore, store, clock);
    private final ActionLearningSets sets = new ActionLearningSets(supportStore, store, clock);

    static Actor member(String partnershipId, String email) {
        return new Actor(email, email, Set.of(Role.PARTNERSHIP_MEMBER), Optional.of(partnershipId), Optional.empty());
    }

    static Actor adviser(String adviserId) {
        return new Actor(adviserId, adviserId + "@advisers.example", Set.of(Role.ADVISER), Optional.empty(),
                Optional.of(adviserId));
    }

    @BeforeEach
    void committedWestMidlandsWithTwoAdvisers() {
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock,
                new Random(5));
        allocations.putProgramme(PROGRAMME, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, PROGRAMME));
        allocations.commit(PROGRAMME, CommitRequest.confirming(allocations.dryRun(PROGRAMME).inputHash()), Optional.empty());
        support.putAdviser(PROGRAMME, new Adviser("adviser-governance", "Governance adviser",
                List.of("governance and accountability"), 3)); // 1.5 days contracted
        support.putAdviser(PROGRAMME, new Adviser("adviser-health", "Health adviser", List.of("health"), 40));
    }

    private List<grants.core.audit.AuditEntry> entries() {
        return trail.page(PROGRAMME, Optional.empty(), 1000).entries();
    }

    static EventForm workshop(int capacity, String facilitatorDays) {
        return new EventForm("WORKSHOP", "Performance management for partnerships", "performance-management",
                "2007-06-14", "10:00", "13:00", "Council House, Coventry", null, String.valueOf(capacity),
                List.of("adviser-governance"), facilitatorDays, List.of("A practitioner from Solihull"), null, null);
    }

    private LearningEvent workshopOf(int capacity) {
        return events.create(MANAGER, PROGRAMME, "pm-workshop", workshop(capacity, "0.5"));
    }

    private EventService.Place register(Actor member, String partnershipId, String name) {
        return events.register(member, PROGRAMME, "pm-workshop", new EventService.Person(partnershipId, name,
                name.toLowerCase().replace(' ', '.') + "@" + partnershipId + ".example"));
    }

    @Test
    void aFullWorkshopPutsTheNextPersonOnTheWaitingListInTheOrderTheyCame() {
        workshopOf(2);
        assertThat(register(COVENTRY, "coventry", "Ann Lee").registration().state()).isEqualTo(Registration.State.PLACE);
        assertThat(register(DUDLEY, "dudley", "Bob Cole").registration().state()).isEqualTo(Registration.State.PLACE);
        EventService.Place third = register(COVENTRY, "coventry", "Cat Moss");
        EventService.Place fourth = register(DUDLEY, "dudley", "Dan Reid");

        assertThat(third.registration().state()).isEqualTo(Registration.State.WAITING);
        assertThat(third.waitingPosition()).isEqualTo(1);
        assertThat(fourth.waitingPosition()).isEqualTo(2);
        assertThat(events.roll(PROGRAMME, "pm-workshop").placesTaken()).isEqualTo(2);
    }

    @Test
    void aFreedPlaceGoesToTheFirstWaitingByItselfAndTheyAreToldByEmail() {
        workshopOf(1);
        Registration ann = register(COVENTRY, "coventry", "Ann Lee").registration();
        Registration bob = register(DUDLEY, "dudley", "Bob Cole").registration();
        register(COVENTRY, "coventry", "Cat Moss");

        events.cancel(COVENTRY, PROGRAMME, "pm-workshop", ann.id());

        var roll = events.roll(PROGRAMME, "pm-workshop");
        assertThat(roll.registration(bob.id()).orElseThrow().state()).isEqualTo(Registration.State.PLACE);
        assertThat(roll.positionOf(Registration.idFor("pm-workshop", "cat.moss@coventry.example"))).isEqualTo(1);
        List<Notice> told = notices.withPrefix(PROGRAMME, "event/pm-workshop/place-");
        assertThat(told).singleElement().satisfies(notice -> assertThat(notice.recipients())
                .containsExactly("bob.cole@dudley.example"));
        Letter letter = notices.letter(PROGRAMME, told.get(0).contentId()).orElseThrow();
        assertThat(letter.subject()).isEqualTo("You have a place: Performance management for partnerships on 14 June 2007");
        assertThat(letter.text()).contains("Dear Bob Cole", "you were first on the waiting list", "14 June 2007, 10am to 1pm",
                "Council House, Coventry");
        assertThat(entries()).anySatisfy(entry -> assertThat(entry.after()).contains("the place went to Bob Cole"));
    }

    @Test
    void cancellingFromTheWaitingListFreesNoPlaceAndCancellingTwiceChangesNothing() {
        workshopOf(1);
        register(COVENTRY, "coventry", "Ann Lee");
        Registration bob = register(DUDLEY, "dudley", "Bob Cole").registration();

        events.cancel(DUDLEY, PROGRAMME, "pm-workshop", bob.id());
        long version = events.roll(PROGRAMME, "pm-workshop").version();
        events.cancel(DUDLEY, PROGRAMME, "pm-workshop", bob.id());

        assertThat(events.roll(PROGRAMME, "pm-workshop").version()).isEqualTo(version);
        assertThat(events.roll(PROGRAMME, "pm-workshop").placesTaken()).isEqualTo(1);
        assertThat(notices.withPrefix(PROGRAMME, "event/")).isEmpty();
    }

    @Test
    void retriesFindWhatTheFirstRequestDid() {
        workshopOf(1);
        EventService.Place first = register(COVENTRY, "coventry", "Ann Lee");
        EventService.Place again = register(COVENTRY, "coventry", "Ann Lee");
        assertThat(again.registration()).isEqualTo(first.registration());
        assertThat(events.roll(PROGRAMME, "pm-workshop").registrations()).hasSize(1);

        assertThat(events.create(MANAGER, PROGRAMME, "pm-workshop", workshop(1, "0.5")).id()).isEqualTo("pm-workshop");
        assertThat(supportStore.counters(PROGRAMME).get(new grants.core.support.Account.OfAdviser("adviser-governance"))
                .bookedHalfDays()).as("the event's days drawn once").isEqualTo(1);
        assertThatThrownBy(() -> events.create(MANAGER, PROGRAMME, "pm-workshop", workshop(5, "0.5")))
                .hasMessageContaining("exists already");
    }

    @Test
    void aMemberRegistersAndCancelsForTheirOwnPartnershipOnly() {
        workshopOf(3);
        assertThatThrownBy(() -> register(COVENTRY, "dudley", "Bob Cole")).isInstanceOf(ForbiddenException.class);
        Registration bob = register(DUDLEY, "dudley", "Bob Cole").registration();
        assertThatThrownBy(() -> events.cancel(COVENTRY, PROGRAMME, "pm-workshop", bob.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(events.roll(PROGRAMME, "pm-workshop").placesTaken()).isEqualTo(1);
    }

    @Test
    void anEventAndBookingsTogetherNeverPassAnAdvisersContractedDays() {
        support.book(COVENTRY, PROGRAMME, new BookingRequest("adviser-governance", "coventry", null,
                LocalDate.of(2007, 9, 3), 2, "governance"), Optional.empty()); // 1 of the adviser's 1.5 days

        assertThatThrownBy(() -> events.create(MANAGER, PROGRAMME, "pm-workshop", workshop(10, "1.0")))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("adviser adviser-governance");
        assertThat(events.events(PROGRAMME)).isEmpty();

        events.create(MANAGER, PROGRAMME, "pm-workshop", workshop(10, "0.5"));
        assertThatThrownBy(() -> support.book(DUDLEY, PROGRAMME, new BookingRequest("adviser-governance", "dudley", null,
                LocalDate.of(2007, 9, 4), 1, "governance"), Optional.empty()))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("1.5 days, of which 1.5 are booked");
    }

    @Test
    void everyBadFieldOfAnEventIsNamedAndNothingIsWritten() {
        EventForm bad = new EventForm("PICNIC", " ", "Performance Management!", "2007-02-30", "25:00", "9:00", "",
                "http://example.org", "0", List.of("adviser-governance", "nobody"), "0.3", List.of(" "), "a-set", null);
        assertThatThrownBy(() -> events.create(MANAGER, PROGRAMME, "Bad Id", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.details())
                        .extracting(Problem::field).containsExactlyInAnyOrder("eventId", "kind", "title", "topic", "date",
                                "starts", "ends", "onlineLink", "capacity", "facilitators[1]", "facilitatorDays",
                                "presenters[0]"));
        assertThat(events.events(PROGRAMME)).isEmpty();
        assertThat(entries()).noneSatisfy(entry -> assertThat(entry.action()).startsWith("EVENT"));
    }

    @Test
    void onlyAFacilitatorRecordsAttendanceAndItCountsTowardsTheirPartnershipsParticipation() {
        workshopOf(3);
        Registration ann = register(COVENTRY, "coventry", "Ann Lee").registration();
        register(COVENTRY, "coventry", "Cat Moss");
        register(DUDLEY, "dudley", "Bob Cole");
        clock.set(Instant.parse("2007-06-14T14:00:00Z"));

        assertThatThrownBy(() -> events.recordAttendance(OTHER_ADVISER, PROGRAMME, "pm-workshop", List.of(ann.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> events.recordAttendance(COVENTRY, PROGRAMME, "pm-workshop", List.of(ann.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> events.recordAttendance(MANAGER, PROGRAMME, "pm-workshop", List.of(ann.id())))
                .isInstanceOf(ForbiddenException.class);
        events.recordAttendance(FACILITATOR, PROGRAMME, "pm-workshop", List.of(ann.id()));

        Participation participation = new EventParticipation(store);
        assertThat(participation.attendedBy(PROGRAMME, "coventry"))
                .isEqualTo(new Participation.PartnershipParticipation("coventry", 1, 2, 1));
        assertThat(participation.attendedBy(PROGRAMME, "dudley"))
                .isEqualTo(new Participation.PartnershipParticipation("dudley", 1, 1, 0));
        assertThat(participation.attendedBy(PROGRAMME, "solihull"))
                .isEqualTo(new Participation.PartnershipParticipation("solihull", 0, 0, 0));
    }

    @Test
    void attendanceIsNotRecordedBeforeTheDay() {
        workshopOf(3);
        Registration ann = register(COVENTRY, "coventry", "Ann Lee").registration();
        assertThatThrownBy(() -> events.recordAttendance(FACILITATOR, PROGRAMME, "pm-workshop", List.of(ann.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, refused ->
                        assertThat(refused.details().get(0).field()).isEqualTo("attended"));
    }

    @Test
    void aSetsNotesAreReadOnlyByItsMembersAndItsFacilitator() {
        sets.create(MANAGER, PROGRAMME, new LearningSet("set-north", "North set", "adviser-governance",
                List.of(new LearningSet.Member("coventry", "Ann Lee", "rep@coventry.example"))));
        events.create(MANAGER, PROGRAMME, "set-north-1", new EventForm("ACTION_LEARNING_SET", "North set, meeting 1",
                "leadership-of-partnerships", "2007-06-20", "14:00", "16:00", null, "https://meet.example.org/north",
                "6", List.of("adviser-governance"), "0.5", List.of(), "set-north", null));

        assertThatThrownBy(() -> sets.writeNote(COVENTRY, PROGRAMME, "set-north", "set-north-1", "We agreed ..."))
                .isInstanceOf(ForbiddenException.class);
        sets.writeNote(FACILITATOR, PROGRAMME, "set-north", "set-north-1", "We agreed to compare our scorecards.");

        assertThat(sets.notes(COVENTRY, PROGRAMME, "set-north")).singleElement()
                .satisfies(note -> assertThat(note.text()).isEqualTo("We agreed to compare our scorecards."));
        assertThat(sets.notes(FACILITATOR, PROGRAMME, "set-north")).hasSize(1);
        for (Actor outsider : List.of(DUDLEY, OTHER_ADVISER, MANAGER)) {
            assertThatThrownBy(() -> sets.notes(outsider, PROGRAMME, "set-north")).isInstanceOf(ForbiddenException.class);
        }
        assertThat(entries()).noneSatisfy(entry -> assertThat(String.valueOf(entry.after())).contains("scorecards"));
    }

    @Test
    void manyMembersRacingForTheLastPlacesNeverPassTheCapacity() throws Exception {
        workshopOf(5);
        ExecutorService racers = Executors.newFixedThreadPool(8);
        List<Future<EventService.Place>> places = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            places.add(racers.submit(() -> register(COVENTRY, "coventry", "Person " + n)));
        }
        for (Future<EventService.Place> place : places) {
            place.get();
        }
        racers.shutdown();
        var roll = events.roll(PROGRAMME, "pm-workshop");
        assertThat(roll.placesTaken()).isEqualTo(5);
        assertThat(roll.waiting()).hasSize(19);
    }

    @Test
    void invitationsGoOncePerAddressAndRemindersOnceTwoWorkingDaysBefore() {
        workshopOf(3);
        List<EventService.Person> invitees = List.of(new EventService.Person(null, "Ann Lee", "ann@coventry.example"));
        assertThat(events.invite(MANAGER, PROGRAMME, "pm-workshop", invitees)).isEqualTo(1);
        assertThat(events.invite(MANAGER, PROGRAMME, "pm-workshop", invitees)).isZero();
        assertThat(notices.withPrefix(PROGRAMME, "event/pm-workshop/invitation/")).singleElement()
                .satisfies(notice -> assertThat(notice.recipients()).containsExactly("ann@coventry.example"));
        register(COVENTRY, "coventry", "Ann Lee");

        WorkingDays weekdays = new WorkingDays(List.of());
        clock.set(Instant.parse("2007-06-08T07:00:00Z")); // Friday: the 14th is four working days on
        assertThat(events.remind(PROGRAMME, weekdays, 2)).isEmpty();
        clock.set(Instant.parse("2007-06-12T07:00:00Z")); // Tuesday: two working days before
        assertThat(events.remind(PROGRAMME, weekdays, 2)).containsExactly("pm-workshop");
        clock.set(Instant.parse("2007-06-13T07:00:00Z"));
        assertThat(events.remind(PROGRAMME, weekdays, 2)).isEmpty();
        assertThat(notices.withPrefix(PROGRAMME, "event/pm-workshop/reminder/")).singleElement()
                .satisfies(notice -> assertThat(notice.recipients()).containsExactly("ann.lee@coventry.example"));
    }

    @Test
    void theCalendarFileIsValidICalendarThatReadsBackToTheEvent() {
        LearningEvent event = workshopOf(3);
        String ics = CalendarFile.of(PROGRAMME, event, Instant.parse("2007-06-01T09:00:00Z"));

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n")).startsWith("BEGIN:VCALENDAR", "VERSION:2.0").endsWith("END:VEVENT", "END:VCALENDAR")
                .contains("UID:pm-workshop.l2d-2007-08@grants.events", "DTSTAMP:20070601T090000Z",
                        "DTSTART:20070614T090000Z", "DTEND:20070614T120000Z", // 10am to 1pm British Summer Time
                        "SUMMARY:Performance management for partnerships", "LOCATION:Council House\\, Coventry");
    }

    @Test
    void theInvitationAndThePlaceGivenCarryTheCalendarFileAndTheReminderDoesNot() {
        workshopOf(1);
        events.invite(MANAGER, PROGRAMME, "pm-workshop", List.of(new EventService.Person(null, "Ann Lee", "ann@coventry.example")));
        Registration ann = register(COVENTRY, "coventry", "Ann Lee").registration();
        register(DUDLEY, "dudley", "Bob Cole");
        clock.set(Instant.parse("2007-06-05T10:30:00Z"));
        events.cancel(COVENTRY, PROGRAMME, "pm-workshop", ann.id());
        clock.set(Instant.parse("2007-06-12T07:00:00Z"));
        events.remind(PROGRAMME, new WorkingDays(List.of()), 2);

        Letter invitation = letterOf("event/pm-workshop/invitation/");
        assertThat(invitation.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("pm-workshop.ics");
            assertThat(file.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
            assertThat(file.text()).isEqualTo(CalendarFile.of(PROGRAMME, events.event(PROGRAMME, "pm-workshop"),
                    Instant.parse("2007-06-01T09:00:00Z")));
        });
        assertThat(invitation.text()).contains("open the calendar file attached to this email (pm-workshop.ics)");
        assertThat(letterOf("event/pm-workshop/place-").attachments()).singleElement()
                .satisfies(file -> assertThat(file.text()).contains("DTSTAMP:20070605T103000Z", "METHOD:PUBLISH"));
        Letter reminder = letterOf("event/pm-workshop/reminder/");
        assertThat(reminder.attachments()).isEmpty();
        assertThat(reminder.text()).contains("the event's page has its calendar file (.ics) to download")
                .doesNotContain("attached");
    }

    private Letter letterOf(String noticePrefix) {
        return notices.letter(PROGRAMME, notices.withPrefix(PROGRAMME, noticePrefix).get(0).contentId()).orElseThrow();
    }
}
