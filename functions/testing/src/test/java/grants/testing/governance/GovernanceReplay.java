package grants.testing.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.governance.ForbiddenActionException;
import grants.core.governance.GovernanceService;
import grants.core.governance.PackExceptions;
import grants.core.governance.RefusedException;
import grants.documents.governance.GovernanceBook;
import grants.documents.governance.GovernanceBookJson;
import grants.documents.governance.GovernanceEvent;
import grants.testing.ExampleBooks;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryGovernanceStore;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A governance book lived through {@link GovernanceService} on the in-memory store, as the replay
 * will do it through the handlers: each day the daily run first (on working days not missed), then
 * that day's meetings and events, each as its person on its day. What the live system refuses is
 * kept as {@code refused.csv} would list it.
 */
final class GovernanceReplay {

    record Refused(LocalDate on, String type, String by, String subject, String reason) {
    }

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String COVENTRY = "coventry-governance.json";

    final GovernanceBook book;
    final InMemoryGovernanceStore store;
    final GovernanceService service;
    final SettableClock clock;
    final List<Refused> refused = new ArrayList<>();
    final Actor clerk;

    private GovernanceReplay(GovernanceBook book, PackExceptions packs) {
        this.book = book;
        this.store = new InMemoryGovernanceStore(book.bankHolidays(), new InMemoryAuditTrail());
        this.clock = new SettableClock(book.asOf().atStartOfDay(LONDON).toInstant());
        this.service = new GovernanceService(store, packs, book.settings(), book.registerId(), clock);
        this.clerk = as(book.managers().iterator().next());
    }

    /** The worked example's book ({@code events/data}), read by the production reader. */
    static GovernanceBook coventry() {
        return GovernanceBookJson.read(ExampleBooks.json(COVENTRY));
    }

    /** The same book with every list but {@code events} in a random order (G13). */
    static GovernanceBook coventryShuffled(Random random) {
        JsonNode book = ExampleBooks.json(COVENTRY);
        ExampleBooks.shuffle(book, random, "people", "indicators", "bankHolidays", "sweepOutages", "bodies",
                "bodyMeetings");
        book.get("bodies").forEach(body -> ExampleBooks.shuffle(body, random, "members"));
        book.get("bodyMeetings").forEach(meeting -> ExampleBooks.shuffle(meeting, random, "present"));
        return GovernanceBookJson.read(book);
    }

    /** Plays the book to its {@code asOf}, the daily run {@code runsPerDay} times on each day it happens. */
    static GovernanceReplay play(GovernanceBook book, PackExceptions packs, Set<LocalDate> outages, int runsPerDay) {
        GovernanceReplay replay = new GovernanceReplay(book, packs);
        LocalDate first = book.governanceStarts();
        replay.on(first);
        book.bodies().forEach(body -> replay.service.setUpBody(replay.clerk, body));
        for (LocalDate day = first; !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            replay.on(day);
            if (!outages.contains(day)) {
                for (int run = 0; run < runsPerDay; run++) {
                    replay.service.runEscalations();
                }
            }
            LocalDate today = day;
            book.meetings().stream().filter(m -> m.date().equals(today))
                    .forEach(m -> replay.service.recordMeeting(replay.clerk, m));
            book.events().stream().filter(e -> e.on().equals(today)).forEach(replay::send);
        }
        return replay;
    }

    static GovernanceReplay play(GovernanceBook book, PackExceptions packs) {
        return play(book, packs, book.sweepOutages(), 1);
    }

    void on(LocalDate day) {
        clock.set(day.atTime(7, 0).atZone(LONDON).toInstant());
    }

    /** A person as the live system knows them: bound in the register, a manager if the book says so. */
    Actor as(String person) {
        Set<Role> roles = book.managers().contains(person) ? Set.of(Role.PROGRAMME_MANAGER) : Set.of();
        return new Actor(person, person + "@example.org", roles, Optional.empty(), Optional.empty(),
                Set.of(book.registerId()), Optional.of(person), Optional.empty());
    }

    private void send(GovernanceEvent event) {
        Actor by = as(event.by());
        try {
            if (event instanceof GovernanceEvent.Decide d) {
                service.decide(by, d.decision());
            } else if (event instanceof GovernanceEvent.Update u) {
                service.update(by, u.action(), u.text());
            } else if (event instanceof GovernanceEvent.Complete c) {
                service.complete(by, c.action(), c.evidence());
            } else if (event instanceof GovernanceEvent.Respond r) {
                service.respond(by, r.recommendation(), r.answer(), r.reason(), r.actions());
            } else if (event instanceof GovernanceEvent.Scope s) {
                service.scope(by, s.review(), s.body(), s.indicators());
            } else if (event instanceof GovernanceEvent.Evidence e) {
                service.addEvidence(by, e.review(), e.id(), e.kind(), e.summary());
            } else if (event instanceof GovernanceEvent.Finding f) {
                service.addFinding(by, f.review(), f.id(), f.text(), f.evidence());
            }
        } catch (RefusedException e) {
            refused.add(new Refused(event.on(), event.type(), by.subject(), e.subject(), e.refusal().name()));
        } catch (ForbiddenActionException e) {
            refused.add(new Refused(event.on(), event.type(), by.subject(), e.subject(), e.refusal().name()));
        }
    }

    /** A fake of reporting's side: the exceptions each board pack lists, and the register's indicator owners. */
    static PackExceptions packs(GovernanceBook book, Map<LocalDate, List<String>> exceptionsByMeeting) {
        return new PackExceptions() {
            @Override
            public List<PackException> exceptionsFor(LocalDate boardMeeting) {
                return exceptionsByMeeting.getOrDefault(boardMeeting, List.of()).stream()
                        .map(i -> new PackException(i, i.toUpperCase().replace('-', ' '), "not met or worsened"))
                        .toList();
            }

            @Override
            public Optional<String> ownerOf(String indicator) {
                return Optional.ofNullable(book.indicatorOwners().get(indicator));
            }
        };
    }
}
