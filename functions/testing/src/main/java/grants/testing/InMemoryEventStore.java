package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.ledger.LedgerStore;
import grants.core.events.AdviserDraw;
import grants.core.events.EventCancellation;
import grants.core.events.EventRoll;
import grants.core.events.EventStore;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.OutgoingLetter;
import grants.core.events.Registration;
import grants.core.events.SetNote;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link EventStore} in memory: each change atomic and refused when the event moved on since it was read, as the
 * DynamoDB transactions are; an event's facilitators' days drawn through the support store's counters, its
 * letters written to the notice store, its entries to the trail.
 */
public final class InMemoryEventStore implements EventStore {

    private record Held(LearningEvent event, long version, Map<String, Registration> registrations,
                        Optional<EventCancellation> cancellation) {

        Held(LearningEvent event, long version, Map<String, Registration> registrations) {
            this(event, version, registrations, Optional.empty());
        }
    }

    private final Map<String, TreeMap<String, Held>> events = new HashMap<>();
    private final Map<String, TreeMap<String, LearningSet>> sets = new HashMap<>();
    private final Map<String, Map<String, SetNote>> notes = new HashMap<>();
    private final Set<String> sentOnce = new HashSet<>();
    private final InMemorySupportStore support;
    private final InMemoryNoticeStore notices;
    private final InMemoryAuditTrail trail;

    public InMemoryEventStore(InMemorySupportStore support, InMemoryNoticeStore notices, InMemoryAuditTrail trail) {
        this.support = support;
        this.notices = notices;
        this.trail = trail;
    }

    @Override
    public Creation create(String programmeId, LearningEvent event, List<AdviserDraw> draws, AuditEntry entry,
                           LedgerStore.Change charge) {
        synchronized (support) { // the support store's lock: one transaction with the advisers' counters and the ledger
            try {
                return created(programmeId, event, draws, entry, charge);
            } catch (BudgetMoved moved) {
                return Creation.BUDGET_MOVED;
            }
        }
    }

    private synchronized Creation created(String programmeId, LearningEvent event, List<AdviserDraw> draws,
                                          AuditEntry entry, LedgerStore.Change charge) {
        TreeMap<String, Held> programme = events.computeIfAbsent(programmeId, id -> new TreeMap<>());
        if (programme.containsKey(event.id())) {
            return Creation.EXISTS;
        }
        Map<String, Integer> halfDays = new LinkedHashMap<>();
        Map<String, Integer> limits = new HashMap<>();
        draws.forEach(draw -> {
            halfDays.put(draw.adviserId(), draw.halfDays());
            limits.put(draw.adviserId(), draw.contractedHalfDays());
        });
        return support.drawOnAdvisers(programmeId, halfDays, limits, () -> {
            if (!support.written(charge)) {
                throw new BudgetMoved(); // nothing drawn: the draws are added after this returns
            }
            programme.put(event.id(), new Held(event, 0, new LinkedHashMap<>()));
            trail.append(entry);
            return Creation.CREATED;
        });
    }

    /** A budget line changed since the event's cost was charged: nothing of the event is written. */
    private static final class BudgetMoved extends RuntimeException {
        BudgetMoved() {
            super(null, null, false, false);
        }
    }

    @Override
    public synchronized List<LearningEvent> events(String programmeId) {
        return events.getOrDefault(programmeId, new TreeMap<>()).values().stream().map(Held::event).toList();
    }

    @Override
    public synchronized Optional<EventRoll> roll(String programmeId, String eventId) {
        return Optional.ofNullable(events.getOrDefault(programmeId, new TreeMap<>()).get(eventId))
                .map(held -> new EventRoll(held.event(), held.version(), List.copyOf(held.registrations().values()),
                        held.cancellation()));
    }

    @Override
    public synchronized List<Registration> registrations(String programmeId) {
        List<Registration> all = new ArrayList<>();
        events.getOrDefault(programmeId, new TreeMap<>()).values().forEach(held -> all.addAll(held.registrations().values()));
        return all;
    }

    @Override
    public synchronized boolean change(String programmeId, String eventId, long readAtVersion,
                                       List<Registration> registrations, List<OutgoingLetter> letters, AuditEntry entry) {
        Held held = events.getOrDefault(programmeId, new TreeMap<>()).get(eventId);
        if (held == null || held.version() != readAtVersion) {
            return false;
        }
        Map<String, Registration> now = new LinkedHashMap<>(held.registrations());
        registrations.forEach(registration -> now.put(registration.id(), registration));
        events.get(programmeId).put(eventId, new Held(held.event(), readAtVersion + 1, now, held.cancellation()));
        send(programmeId, letters, entry.at());
        trail.append(entry);
        return true;
    }

    @Override
    public boolean cancelEvent(String programmeId, String eventId, long readAtVersion, EventCancellation cancellation,
                               List<AdviserDraw> returned, List<OutgoingLetter> letters, AuditEntry entry,
                               LedgerStore.Change release) {
        synchronized (support) { // one transaction with the advisers' counters and the ledger, as creating is
            try {
                return cancelled(programmeId, eventId, readAtVersion, cancellation, returned, letters, entry, release);
            } catch (BudgetMoved moved) {
                return false;
            }
        }
    }

    private synchronized boolean cancelled(String programmeId, String eventId, long readAtVersion,
                                           EventCancellation cancellation, List<AdviserDraw> returned,
                                           List<OutgoingLetter> letters, AuditEntry entry, LedgerStore.Change release) {
        Held held = events.getOrDefault(programmeId, new TreeMap<>()).get(eventId);
        if (held == null || held.version() != readAtVersion || held.cancellation().isPresent()) {
            return false;
        }
        Map<String, Integer> giveBack = new LinkedHashMap<>();
        Map<String, Integer> noLimit = new HashMap<>();
        returned.forEach(draw -> {
            giveBack.put(draw.adviserId(), -draw.halfDays());
            noLimit.put(draw.adviserId(), Integer.MAX_VALUE);
        });
        return support.drawOnAdvisers(programmeId, giveBack, noLimit, () -> {
            if (!support.written(release)) {
                throw new BudgetMoved(); // nothing given back: the counters are changed after this returns
            }
            events.get(programmeId).put(eventId, new Held(held.event(), readAtVersion + 1, held.registrations(),
                    Optional.of(cancellation)));
            send(programmeId, letters, entry.at());
            trail.append(entry);
            return true;
        });
    }

    @Override
    public synchronized boolean sendOnce(String programmeId, String eventId, String once, List<OutgoingLetter> letters,
                                         AuditEntry entry) {
        if (!sentOnce.add(programmeId + "/" + eventId + "/" + once)) {
            return false;
        }
        send(programmeId, letters, entry.at());
        trail.append(entry);
        return true;
    }

    private void send(String programmeId, List<OutgoingLetter> letters, Instant at) {
        for (OutgoingLetter letter : letters) {
            notices.putLetter(programmeId, letter.letterId(), letter.letter());
            notices.create(Notice.queued(programmeId, letter.noticeKey(), NoticeKind.LETTER, null, null,
                    letter.letterId(), letter.letter().addressees(), null, at));
        }
    }

    @Override
    public synchronized boolean createSet(String programmeId, LearningSet set, AuditEntry entry) {
        TreeMap<String, LearningSet> programme = sets.computeIfAbsent(programmeId, id -> new TreeMap<>());
        if (programme.putIfAbsent(set.id(), set) != null) {
            return false;
        }
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized Optional<LearningSet> set(String programmeId, String setId) {
        return Optional.ofNullable(sets.getOrDefault(programmeId, new TreeMap<>()).get(setId));
    }

    @Override
    public synchronized List<LearningSet> sets(String programmeId) {
        return List.copyOf(sets.getOrDefault(programmeId, new TreeMap<>()).values());
    }

    @Override
    public synchronized void putNote(String programmeId, SetNote note, AuditEntry entry) {
        notes.computeIfAbsent(programmeId + "/" + note.setId(), id -> new TreeMap<>()).put(note.meetingId(), note);
        trail.append(entry);
    }

    @Override
    public synchronized List<SetNote> notes(String programmeId, String setId) {
        return List.copyOf(notes.getOrDefault(programmeId + "/" + setId, Map.of()).values());
    }
}
