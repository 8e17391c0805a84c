package grants.core.events;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.money.Days;
import grants.core.run.ProgrammeStore;
import grants.core.support.Adviser;
import grants.core.support.SupportStore;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Learning to Deliver's events: the manager sets up workshops, Action Learning Set meetings and regional
 * seminars (their facilitators' days drawn from the advisers' contracts, as bookings are) and invites people;
 * partnership members register their own partnership's people, a full event puts them on a waiting list that
 * moves up by itself when a place is freed, and the facilitator records who came.
 */
public final class EventService {

    /** Every change to an event's registrations is decided on what was read and written only if nothing came first. */
    private static final int MOST_ATTEMPTS = 200;
    /** How many invitations one request sends: each is a transaction of its own. */
    static final int MOST_INVITEES = 40;
    /** An event's cost is decided on the budget lines as read; a line that changed meanwhile is read again. */
    private static final int LEDGER_ATTEMPTS = 20;

    private final ProgrammeStore programmes;
    private final SupportStore support;
    private final EventStore store;
    private final Clock clock;
    private final EventCharges charges;

    public EventService(ProgrammeStore programmes, SupportStore support, EventStore store, Clock clock) {
        this(programmes, support, store, clock, Optional.empty());
    }

    /** Committing each event's cost to its programme's {@code ledger}, in the event's own transaction. */
    public EventService(ProgrammeStore programmes, SupportStore support, EventStore store, Clock clock,
                        Optional<LedgerService> ledger) {
        this.programmes = programmes;
        this.support = support;
        this.store = store;
        this.clock = clock;
        this.charges = new EventCharges(ledger, clock);
    }

    /** Someone to register or invite: a name and an address. */
    public record Person(String partnershipId, String name, String email) {
    }

    /** A registration and, while it waits, its place in the queue (1 is next). */
    public record Place(Registration registration, int waitingPosition) {
    }

    public LearningEvent create(Actor actor, String programmeId, String eventId, EventForm form) {
        if (!programmes.exists(programmeId)) {
            throw new NotFoundException("There is no programme \"" + programmeId + "\".");
        }
        Map<String, Adviser> advisers = support.advisers(programmeId).stream()
                .collect(Collectors.toMap(Adviser::id, adviser -> adviser));
        Set<String> sets = store.sets(programmeId).stream().map(LearningSet::id).collect(Collectors.toSet());
        LearningEvent event = EventChecks.read(eventId, form, advisers, sets);
        List<AdviserDraw> draws = event.facilitators().stream().map(id -> new AdviserDraw(id,
                event.facilitatorHalfDays(), advisers.get(id).contractedHalfDays())).toList();
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            LedgerStore.Change charge;
            try {
                charge = charges.charge(programmeId, event, advisers, actor.name());
            } catch (ConflictException refused) {
                // Decided on a ledger the same event, set up a moment ago, had charged: that event is the answer.
                return sameEventAgain(programmeId, event).orElseThrow(() -> refused);
            }
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_CREATED", "event " + event.id(),
                    null, EventWords.kind(event.kind()) + " \"" + event.title() + "\" on " + event.date() + ", "
                            + event.capacity() + " places, facilitated by " + String.join(", ", event.facilitators())
                            + charge.inWords("committed to"));
            EventStore.Creation created = store.create(programmeId, event, draws, entry, charge);
            if (created == EventStore.Creation.CREATED) {
                return event;
            }
            if (created == EventStore.Creation.EXISTS) {
                // the same request again: nothing more drawn, charged or recorded
                return sameEventAgain(programmeId, event).orElseThrow(() -> new ConflictException("EVENT_EXISTS",
                        "Event \"" + eventId + "\" exists already with other details."));
            }
        }
        throw new ConflictException("CHANGED_MEANWHILE", "The budget of " + programmeId
                + " kept changing while this event was set up: send it again.");
    }

    /** The event as stored, if it is this one; empty if there is none (or another with its id: see the caller). */
    private Optional<LearningEvent> sameEventAgain(String programmeId, LearningEvent event) {
        Optional<LearningEvent> existing = store.roll(programmeId, event.id()).map(EventRoll::event);
        if (existing.isPresent() && !existing.get().equals(event)) {
            throw new ConflictException("EVENT_EXISTS", "Event \"" + event.id() + "\" exists already with other details.");
        }
        return existing;
    }

    /** The longest reason for a cancellation: it is read in an email. */
    static final int LONGEST_REASON = 500;

    /**
     * A manager cancels an event that has not begun, saying why. In one change: each facilitator's days go back to
     * their adviser's contract, what the event committed to the ledger is given back ({@code RELEASED}), everyone
     * with a place or waiting is told by email, and the cancellation is audited. Cancelling again changes nothing.
     */
    public EventRoll cancelEvent(Actor actor, String programmeId, String eventId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > LONGEST_REASON) {
            throw InvalidInputException.of("reason", why.isEmpty()
                    ? "must say why the event is cancelled: everyone registered is told it"
                    : "must be at most " + LONGEST_REASON + " characters");
        }
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            EventRoll roll = roll(programmeId, eventId);
            if (roll.isCancelled()) {
                return roll; // cancelled already: nothing more given back, released or sent
            }
            LearningEvent event = roll.event();
            if (!LocalDateTime.ofInstant(clock.instant(), InWords.UK)
                    .isBefore(event.date().atTime(event.starts()))) {
                throw new ConflictException("EVENT_HELD", "Event \"" + eventId + "\" began on "
                        + InWords.date(event.date()) + ": only an event that has not begun can be cancelled.");
            }
            LedgerStore.Change release = charges.release(programmeId, event, actor.name());
            EventCancellation cancellation = new EventCancellation(why, actor.name(), clock.instant());
            List<OutgoingLetter> letters = roll.toldOfCancellation().stream()
                    .map(registration -> EventLetters.cancelled(event, registration, why)).toList();
            List<AdviserDraw> returned = event.facilitators().stream()
                    .map(id -> new AdviserDraw(id, event.facilitatorHalfDays(), 0)).toList();
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_CALLED_OFF", "event " + eventId,
                    EventWords.kind(event.kind()) + " \"" + event.title() + "\" on " + event.date(),
                    "cancelled: " + why + "; " + letters.size() + " told by email; "
                            + Days.format(event.facilitatorHalfDays()) + " days given back to "
                            + String.join(", ", event.facilitators()) + release.inWords("given back to"));
            if (store.cancelEvent(programmeId, eventId, roll.version(), cancellation, returned, letters, entry, release)) {
                return new EventRoll(event, roll.version() + 1, roll.registrations(), Optional.of(cancellation));
            }
        }
        throw busy();
    }

    /** A cancelled event takes no registrations, invitations or attendance: said plainly, with its reason. */
    private static EventRoll standing(EventRoll roll) {
        if (roll.isCancelled()) {
            throw new ConflictException("EVENT_CANCELLED", "\"" + roll.event().title() + "\" on "
                    + InWords.date(roll.event().date()) + " was cancelled ("
                    + roll.cancellation().get().reason() + "), so nobody can register for it or change it now.");
        }
        return roll;
    }

    public List<LearningEvent> events(String programmeId) {
        return store.events(programmeId).stream()
                .sorted(java.util.Comparator.comparing(LearningEvent::date).thenComparing(LearningEvent::id)).toList();
    }

    public LearningEvent event(String programmeId, String eventId) {
        return roll(programmeId, eventId).event();
    }

    public EventRoll roll(String programmeId, String eventId) {
        return store.roll(programmeId, eventId).orElseThrow(() ->
                new NotFoundException("There is no event \"" + eventId + "\" in programme \"" + programmeId + "\"."));
    }

    /**
     * Registers a person of the caller's own partnership (a manager: of any): a place while there is one, otherwise
     * the end of the waiting list. The same person registered again keeps what they have.
     */
    public Place register(Actor actor, String programmeId, String eventId, Person person) {
        List<Problem> problems = new ArrayList<>();
        if (person.partnershipId() == null || person.partnershipId().isBlank()) {
            problems.add(new Problem("partnershipId", "must name the person's partnership"));
        }
        if (person.name() == null || person.name().isBlank()) {
            problems.add(new Problem("name", "must be given"));
        }
        if (!EventChecks.isAddress(person.email())) {
            problems.add(new Problem("email", "must be an email address, such as name@example.org"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The registration has " + problems.size() + " problem(s).", problems);
        }
        if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.isMemberOf(person.partnershipId())) {
            throw new ForbiddenException("A partnership member registers their own partnership's people only.");
        }
        String email = person.email().strip();
        String registrationId = Registration.idFor(eventId, email);
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            EventRoll roll = standing(roll(programmeId, eventId));
            Optional<Registration> already = roll.registration(registrationId)
                    .filter(registration -> registration.state() != Registration.State.CANCELLED);
            if (already.isPresent()) {
                return new Place(already.get(), roll.positionOf(registrationId));
            }
            Registration.State state = roll.hasFreePlace() ? Registration.State.PLACE : Registration.State.WAITING;
            Registration registration = new Registration(registrationId, eventId, person.partnershipId(),
                    person.name().strip(), email, state, roll.nextTicket(), clock.instant(), actor.subject(), null);
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_REGISTERED",
                    "event " + eventId, null, person.name().strip() + " of " + person.partnershipId() + ": "
                            + (state == Registration.State.PLACE ? "a place" : "on the waiting list"));
            if (store.change(programmeId, eventId, roll.version(), List.of(registration), List.of(), entry)) {
                return new Place(registration, state == Registration.State.WAITING ? roll.waiting().size() + 1 : 0);
            }
        }
        throw busy();
    }

    /**
     * Cancels a registration of the caller's own partnership. A place freed goes, in the same change, to the first
     * on the waiting list, who is told by email. Cancelling again changes nothing.
     */
    public Registration cancel(Actor actor, String programmeId, String eventId, String registrationId) {
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            EventRoll roll = roll(programmeId, eventId);
            Registration registration = roll.registration(registrationId).orElseThrow(() ->
                    new NotFoundException("There is no registration \"" + registrationId + "\" for this event."));
            if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.isMemberOf(registration.partnershipId())) {
                throw new ForbiddenException("A partnership member cancels their own partnership's registrations only.");
            }
            if (registration.state() == Registration.State.CANCELLED) {
                return registration;
            }
            standing(roll);
            List<Registration> changes = new ArrayList<>(List.of(registration.withState(Registration.State.CANCELLED)));
            List<OutgoingLetter> letters = new ArrayList<>();
            String after = registration.name() + " cancelled";
            Optional<Registration> next = roll.firstWaiting();
            if (registration.state() == Registration.State.PLACE && next.isPresent()) {
                changes.add(next.get().withState(Registration.State.PLACE));
                letters.add(EventLetters.placeGiven(programmeId, roll.event(), next.get(), roll.version(),
                        clock.instant()));
                after += "; the place went to " + next.get().name() + " of " + next.get().partnershipId()
                        + ", first on the waiting list";
            }
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_CANCELLED", "event " + eventId,
                    registration.name() + ": " + registration.state(), after);
            if (store.change(programmeId, eventId, roll.version(), changes, letters, entry)) {
                return changes.get(0);
            }
        }
        throw busy();
    }

    /** The facilitator records who came: those named attended, everyone else with a place did not. */
    public List<Registration> recordAttendance(Actor actor, String programmeId, String eventId, List<String> attended) {
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            EventRoll roll = roll(programmeId, eventId);
            if (roll.event().facilitators().stream().noneMatch(actor::isAdviser)) {
                throw new ForbiddenException("Only an adviser who facilitates this event records who attended it.");
            }
            standing(roll);
            if (roll.event().date().isAfter(LocalDate.now(clock))) {
                throw InvalidInputException.of("attended", "can be recorded from the day of the event, "
                        + roll.event().date() + ", not before");
            }
            List<Registration> places = roll.registrations().stream()
                    .filter(registration -> registration.state() == Registration.State.PLACE).toList();
            Set<String> ids = places.stream().map(Registration::id).collect(Collectors.toSet());
            for (int i = 0; i < attended.size(); i++) {
                if (!ids.contains(attended.get(i))) {
                    throw InvalidInputException.of("attended[" + i + "]", "names nobody with a place at this event");
                }
            }
            List<Registration> changes = places.stream()
                    .map(registration -> registration.withAttended(attended.contains(registration.id()))).toList();
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_ATTENDANCE_RECORDED",
                    "event " + eventId, null, attended.size() + " of " + places.size() + " with a place attended");
            if (store.change(programmeId, eventId, roll.version(), changes, List.of(), entry)) {
                return changes;
            }
        }
        throw busy();
    }

    /** Invites each person by email, once each: inviting the same address again sends nothing more. */
    public int invite(Actor actor, String programmeId, String eventId, List<Person> invitees) {
        if (invitees.isEmpty() || invitees.size() > MOST_INVITEES) {
            throw InvalidInputException.of("invitees", "must name from 1 to " + MOST_INVITEES + " people");
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < invitees.size(); i++) {
            if (!EventChecks.isAddress(invitees.get(i).email())) {
                problems.add(new Problem("invitees[" + i + "].email", "must be an email address, such as name@example.org"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The invitation has " + problems.size() + " problem(s).", problems);
        }
        LearningEvent event = standing(roll(programmeId, eventId)).event();
        int sent = 0;
        for (Person invitee : invitees) {
            String name = invitee.name() == null || invitee.name().isBlank() ? "colleague" : invitee.name().strip();
            OutgoingLetter letter = EventLetters.invitation(programmeId, event, name, invitee.email().strip(),
                    clock.instant());
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "EVENT_INVITATION_SENT",
                    "event " + eventId, null, "invitation to " + name);
            if (store.sendOnce(programmeId, eventId, letter.noticeKey(), List.of(letter), entry)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * The daily run: everyone with a place at an event held within the next {@code workingDaysBefore} working days
     * is reminded, once per event (a missed day is caught up by the next run).
     *
     * @return the events reminded about by this run
     */
    public List<String> remind(String programmeId, WorkingDays workingDays, int workingDaysBefore) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = workingDays.after(today, workingDaysBefore);
        List<String> reminded = new ArrayList<>();
        for (LearningEvent event : store.events(programmeId)) {
            if (!event.date().isAfter(today) || event.date().isAfter(until)) {
                continue;
            }
            EventRoll roll = roll(programmeId, event.id());
            if (roll.isCancelled()) {
                continue; // those registered were told it is cancelled
            }
            List<OutgoingLetter> letters = roll.registrations().stream()
                    .filter(registration -> registration.state() == Registration.State.PLACE)
                    .map(registration -> EventLetters.reminder(event, registration)).toList();
            AuditEntry entry = AuditEntry.by(grants.core.access.Actor.system("events-daily-run"), clock.instant(),
                    programmeId, "EVENT_REMINDED", "event " + event.id(), null, letters.size() + " reminded");
            if (store.sendOnce(programmeId, event.id(), "reminder", letters, entry)) {
                reminded.add(event.id());
            }
        }
        return reminded;
    }

    /** Who may see an event's registrations: the manager, auditors and its facilitators all; a member their own. */
    public List<Registration> visibleTo(Actor actor, EventRoll roll) {
        if (actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR)
                || roll.event().facilitators().stream().anyMatch(actor::isAdviser)) {
            return roll.registrations();
        }
        return roll.registrations().stream().filter(registration -> actor.isMemberOf(registration.partnershipId())).toList();
    }

    /** Every registration of the programme, by event date then arrival, for the CSVs. */
    public List<Registration> registrations(String programmeId) {
        Map<String, LocalDate> dates = new HashMap<>();
        store.events(programmeId).forEach(event -> dates.put(event.id(), event.date()));
        return store.registrations(programmeId).stream()
                .sorted(java.util.Comparator.comparing((Registration registration) ->
                                dates.getOrDefault(registration.eventId(), LocalDate.MIN))
                        .thenComparing(Registration::eventId).thenComparingLong(Registration::ticket)).toList();
    }

    /** Partnerships that have registered anyone, in id order. */
    public Set<String> partnershipsTakingPart(String programmeId) {
        return store.registrations(programmeId).stream().map(Registration::partnershipId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ConflictException busy() {
        return new ConflictException("BUSY", "Too many changes to this event at once; try again.");
    }
}
