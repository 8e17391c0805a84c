package grants.testing.reporting;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.errors.ConflictException;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.NotYoursException;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Refusal;
import grants.core.reporting.RefusedException;
import grants.core.reporting.ReportingService;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryReportingStore;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plays a register document through {@link ReportingService} on the in-memory store, each entry as
 * its person on its day, up to and including a day (P11), and keeps what was refused.
 */
final class RegisterReplay {

    /** An entry the service refused, and why. */
    record Refused(LocalDate on, String type, String by, String subject, Refusal reason) {
    }

    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final InMemoryReportingStore store = new InMemoryReportingStore(trail);
    final SettableClock clock = new SettableClock(at(LocalDate.of(2008, 4, 1)));
    final ReportingService service = new ReportingService(store, ContributingAgreement.Source.NONE, clock);
    final List<Refused> refused = new ArrayList<>();
    final IndicatorBook book;

    private RegisterReplay(IndicatorBook book) {
        this.book = book;
    }

    /** The register kept by its manager on 1 April 2008, then every entry recorded by the end of {@code until}. */
    static RegisterReplay play(IndicatorBook book, LocalDate until) {
        RegisterReplay replay = new RegisterReplay(book);
        replay.setUp();
        replay.entriesUntil(until);
        return replay;
    }

    Actor as(String personId) {
        Person person = book.people().stream().filter(p -> p.id().equals(personId)).findFirst().orElseThrow();
        Role role = switch (person.kind()) {
            case OWNER -> Role.INDICATOR_OWNER;
            case MANAGER -> Role.PROGRAMME_MANAGER;
            case BOARD -> Role.BOARD_MEMBER;
            case SCRUTINY -> Role.AUDITOR;
        };
        return new Actor(person.id(), person.email(), Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(book.registerId()), Optional.of(person.id()), Optional.empty());
    }

    Actor manager() {
        return as(book.people().stream().filter(p -> p.kind() == Person.Kind.MANAGER).findFirst().orElseThrow().id());
    }

    void on(LocalDate day) {
        clock.set(at(day));
    }

    private void setUp() {
        Actor manager = manager();
        String id = book.registerId();
        service.createRegister(manager, id, book.note());
        book.themes().forEach(t -> service.saveTheme(manager, id, t));
        book.outcomes().forEach(o -> service.saveOutcome(manager, id, o));
        book.people().forEach(p -> service.savePerson(manager, id, p));
        book.indicators().forEach(i -> service.saveIndicator(manager, id, i));
        book.meetings().forEach(m -> service.addMeeting(manager, id, m));
    }

    private void entriesUntil(LocalDate until) {
        record Entry(LocalDate on, Runnable play) {
        }
        List<Entry> entries = new ArrayList<>();
        for (IndicatorBook.Actual a : book.actuals()) {
            entries.add(new Entry(a.recordedOn(), () -> attempt(a.recordedOn(), "actual", a.recordedBy(),
                    a.indicator() + " " + a.period(), () -> service.record(as(a.recordedBy()), book.registerId(),
                            a.indicator(), Period.parse(a.period()), a.figure(), a.finality(), a.revisionReason()))));
        }
        for (IndicatorBook.Story n : book.narratives()) {
            entries.add(new Entry(n.on(), () -> attempt(n.on(), "narrative", n.by(), n.indicator() + " " + n.period(),
                    () -> service.narrate(as(n.by()), book.registerId(), n.indicator(), Period.parse(n.period()),
                            n.achieved(), n.next()))));
        }
        entries.stream().filter(e -> !e.on().isAfter(until)).sorted(Comparator.comparing(Entry::on)) // stable
                .forEach(e -> {
                    on(e.on());
                    e.play().run();
                });
        on(until);
    }

    private void attempt(LocalDate on, String type, String by, String subject, Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            refused.add(new Refused(on, type, by, subject, e.refusal()));
        } catch (NotYoursException e) {
            refused.add(new Refused(on, type, by, subject, e.refusal()));
        } catch (ForbiddenException | ConflictException e) {
            throw new AssertionError("refused without a P10 reason: " + subject, e);
        }
    }

    static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZoneId.of("Europe/London")).toInstant();
    }
}
