package grants.documents.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.GrantsException;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.ForbiddenActionException;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.RefusedException;
import grants.core.monitoring.ScopeSettings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A document lived through the use cases ({@link MonitoringService}) on a store: the daily run at
 * 07:00 as the scheduler would start it, each event at noon as its person, finance's run at 16:00.
 * {@code clockAt} moves the service's clock; {@code bounce} records an address that bounced.
 */
public final class ServiceMonitoring implements BookReplay.Monitoring {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Who makes the document's payment runs: finance, as the live run is made. */
    public static final Actor FINANCE = Actor.system("finance", Role.FINANCE_OFFICER);

    private final MonitoringBook book;
    private final MonitoringService service;
    private final MonitoringStore store;
    private final Consumer<java.time.Instant> clockAt;
    private final Consumer<String> bounce;

    public ServiceMonitoring(MonitoringBook book, MonitoringStore store, MonitoringService service,
                             Consumer<java.time.Instant> clockAt, Consumer<String> bounce) {
        this.book = book;
        this.store = store;
        this.service = service;
        this.clockAt = clockAt;
        this.bounce = bounce;
    }

    /**
     * Enters the document's agreements, in force, as a manager would on the first day, after keeping the
     * document's settings for each programme or round they come from.
     */
    public ServiceMonitoring enterAgreements() {
        java.time.Instant firstMorning = at(book.firstDay(), LocalTime.of(6, 0));
        Actor manager = Actor.system("manager", Role.PROGRAMME_MANAGER);
        ScopeSettings settings = new ScopeSettings(store, java.time.Clock.fixed(firstMorning, LONDON));
        book.agreements().stream().map(Agreement::trail).distinct()
                .forEach(scope -> settings.keep(manager, scope, book.settings()));
        service.enter(manager, book.agreements());
        return this;
    }

    @Override
    public void runReminders(LocalDate day) {
        at(day, LocalTime.of(7, 0));
        service.runReminders();
    }

    @Override
    public Optional<BookReplay.RefusedEvent> apply(BookEvent event) {
        at(event.on(), LocalTime.NOON);
        Actor by = actorOf(event.by());
        try {
            switch (event.type()) {
                case SUBMIT -> service.submit(by, event.returnId(), event.outputs(), event.achieved(), event.next());
                case ACCEPT -> service.accept(by, event.returnId());
                case SEND_BACK -> service.sendBack(by, event.returnId(), event.reason());
                case SKIP -> service.skip(by, event.returnId(), event.reason());
                case MILESTONE_ACHIEVED -> service.achieve(by, event.milestoneId(), event.evidence());
                case WAIVE -> service.waive(by, event.milestoneId(), event.reason());
                case VARY -> vary(by, event);
                case HOLD -> service.hold(by, event.agreementId(), event.instalment(), event.reason());
                case RELEASE -> service.release(by, event.agreementId(), event.instalment(), event.reason());
                case OVERRIDE -> {
                    checkOverride(event);
                    service.askForOverride(by, event.agreementId(), event.instalment(), event.reason());
                    service.approveOverride(actorOf(event.approvedBy()), event.agreementId(), event.instalment());
                }
                case TERMINATE -> service.terminate(by, event.agreementId(), event.reason());
                case BOUNCE -> bounce.accept(event.email());
            }
            return Optional.empty();
        } catch (RefusedException refusal) {
            return Optional.of(refused(event, refusal.subject(), refusal));
        } catch (ForbiddenActionException refusal) {
            return Optional.of(refused(event, refusal.subject(), refusal));
        }
    }

    /**
     * Before an override's two steps (asked for, then approved), whether both will be made: the replay
     * through the routes makes them as two calls, so it checks first that a refused pair writes nothing.
     */
    public Optional<BookReplay.RefusedEvent> overrideRefused(BookEvent event) {
        at(event.on(), LocalTime.NOON);
        try {
            checkOverride(event);
            return Optional.empty();
        } catch (RefusedException refusal) {
            return Optional.of(refused(event, refusal.subject(), refusal));
        } catch (ForbiddenActionException refusal) {
            return Optional.of(refused(event, refusal.subject(), refusal));
        }
    }

    private void checkOverride(BookEvent event) {
        service.checkOverride(actorOf(event.by()), actorOf(event.approvedBy()), event.agreementId(), event.instalment(),
                event.reason());
    }

    private void vary(Actor by, BookEvent event) {
        if (event.returnId() != null) {
            service.varyReturn(by, event.returnId(), event.to(), event.reason());
        } else {
            service.varyMilestone(by, event.milestoneId(), event.to(), event.reason());
        }
    }

    private static BookReplay.RefusedEvent refused(BookEvent event, String subject, GrantsException refusal) {
        return new BookReplay.RefusedEvent(event, subject,
                refusal instanceof ForbiddenActionException forbidden ? forbidden.refusal().name() : refusal.code());
    }

    @Override
    public PaymentRun runPayments(LocalDate day) {
        at(day, LocalTime.of(16, 0));
        return service.runPayments(FINANCE);
    }

    @Override
    public List<MonitoredAgreement> agreements() {
        List<MonitoredAgreement> agreements = new ArrayList<>();
        store.organisations().forEach(organisation -> agreements.addAll(store.ofOrganisation(organisation)));
        return agreements;
    }

    @Override
    public List<LedgerEntry> ledger() {
        List<LedgerEntry> ledger = new ArrayList<>();
        agreements().forEach(agreement -> ledger.addAll(store.ledger(agreement.id())));
        return ledger;
    }

    private java.time.Instant at(LocalDate day, LocalTime time) {
        java.time.Instant instant = day.atTime(time).atZone(LONDON).toInstant();
        clockAt.accept(instant);
        return instant;
    }

    /** A person of the document as the system sees them: their role's group, bound everywhere as themselves. */
    public Actor actorOf(String personId) {
        MonitoringBook.Person person = book.people().get(personId);
        Set<Role> roles = switch (person.role()) {
            case MANAGER -> Set.of(Role.PROGRAMME_MANAGER);
            case FINANCE -> Set.of(Role.FINANCE_OFFICER);
            case SUB_GROUP -> Set.of(Role.SUB_GROUP);
            case LEAD_CONTACT -> Set.of(Role.LEAD_CONTACT);
            case OFFICER -> Set.of(Role.OFFICER);
            case OTHER -> Set.of();
        };
        return new Actor(personId, person.email(), roles, Optional.empty(), Optional.empty(),
                Set.of(Actor.EVERY_PROGRAMME), Optional.of(personId), person.organisation());
    }
}
