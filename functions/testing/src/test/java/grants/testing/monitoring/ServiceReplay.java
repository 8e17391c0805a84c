package grants.testing.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.GrantsException;
import grants.core.monitoring.ForbiddenActionException;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.Participant;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.RefusedException;
import grants.core.monitoring.Reminder;
import grants.testing.InMemoryAddressees;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A monitoring document lived through {@link MonitoringService} on the in-memory store, each event
 * by its person on its own day, in M8's order: the daily run at 07:00 (working days, not outages),
 * the day's events, then finance's payment run. The state at {@code asOf} is read back from the store.
 */
final class ServiceReplay {

    final MonitoringBook book;
    final InMemoryMonitoringStore store;
    final Map<String, MonitoredAgreement> agreements = new TreeMap<>();
    final Map<String, LedgerEntry> ledger = new TreeMap<>();
    final Map<LocalDate, PaymentRun> paymentRuns = new TreeMap<>();
    /** {@code on,type,by,subject,reason}, as refused.csv lists them. */
    final List<String> refused = new ArrayList<>();
    private final SettableClock clock = new SettableClock(java.time.Instant.EPOCH);
    private final InMemoryAddressees addressees = new InMemoryAddressees();
    private final MonitoringService service;

    private ServiceReplay(MonitoringBook book) {
        this.book = book;
        this.store = new InMemoryMonitoringStore(book.calendar().bankHolidays(), new InMemoryAuditTrail());
        this.service = new MonitoringService(store, addressees, book.settings(), clock);
        book.people().values().forEach(p -> p.organisation().ifPresentOrElse(
                org -> addressees.leadContact(p.id(), book.emails().get(p.id()), org),
                () -> addressees.person(p.id(), book.emails().get(p.id()))));
    }

    static ServiceReplay of(MonitoringBook book) {
        ServiceReplay replay = new ServiceReplay(book);
        LocalDate first = Stream.concat(book.agreements().stream().map(a -> a.start()),
                book.events().stream().map(e -> MonitoringBook.date(e.get("on")))).min(LocalDate::compareTo).orElseThrow();
        replay.at(first, LocalTime.of(6, 0));
        replay.service.enter(actorOf("manager", Role.PROGRAMME_MANAGER), book.agreements());
        for (LocalDate day = first; !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            replay.day(day);
        }
        for (String organisation : replay.store.organisations()) {
            replay.store.ofOrganisation(organisation).forEach(a -> {
                replay.agreements.put(a.id(), a);
                replay.store.ledger(a.id()).forEach(e -> replay.ledger.put(e.reminder().id(), e));
            });
        }
        return replay;
    }

    /** Every reminder planned and not yet handled at the end. */
    List<Reminder> pending() {
        return store.pending();
    }

    private void day(LocalDate day) {
        if (!book.sweepOutages().contains(day)) {
            at(day, LocalTime.of(7, 0));
            service.runReminders();
        }
        at(day, LocalTime.NOON);
        book.events().stream().filter(e -> MonitoringBook.date(e.get("on")).equals(day)).forEach(this::apply);
        if (book.paymentRuns().contains(day)) {
            at(day, LocalTime.of(16, 0));
            paymentRuns.put(day, service.runPayments(actorOf("finance", Role.FINANCE_OFFICER)));
        }
    }

    private void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    private void apply(JsonNode event) {
        String type = event.get("type").asText();
        Actor by = actorOf(text(event, "by"));
        try {
            switch (type) {
                case "submit" -> service.submit(by, text(event, "return"), outputs(event.get("outputs")),
                        text(event, "achieved"), text(event, "next"));
                case "accept" -> service.accept(by, text(event, "return"));
                case "sendBack" -> service.sendBack(by, text(event, "return"), text(event, "reason"));
                case "skip" -> service.skip(by, text(event, "return"), text(event, "reason"));
                case "milestoneAchieved" -> service.achieve(by, text(event, "milestone"), text(event, "evidence"));
                case "waive" -> service.waive(by, text(event, "milestone"), text(event, "reason"));
                case "vary" -> {
                    LocalDate to = MonitoringBook.date(event.get("to"));
                    if (event.has("return")) {
                        service.varyReturn(by, text(event, "return"), to, text(event, "reason"));
                    } else {
                        service.varyMilestone(by, text(event, "milestone"), to, text(event, "reason"));
                    }
                }
                case "hold" -> service.hold(by, text(event, "agreement"), event.get("instalment").asInt(),
                        text(event, "reason"));
                case "release" -> service.release(by, text(event, "agreement"), event.get("instalment").asInt(),
                        text(event, "reason"));
                case "override" -> {
                    service.askForOverride(by, text(event, "agreement"), event.get("instalment").asInt(),
                            text(event, "reason"));
                    service.approveOverride(actorOf(text(event, "approvedBy")), text(event, "agreement"),
                            event.get("instalment").asInt());
                }
                case "terminate" -> service.terminate(by, text(event, "agreement"), text(event, "reason"));
                case "bounce" -> addressees.bounce(text(event, "email"));
                default -> throw new IllegalArgumentException("unknown event type " + type);
            }
        } catch (RefusedException refusal) {
            refused(event, refusal.subject(), refusal);
        } catch (ForbiddenActionException refusal) {
            refused(event, refusal.subject(), refusal);
        }
    }

    private void refused(JsonNode event, String subject, GrantsException refusal) {
        refused.add(String.join(",", text(event, "on"), text(event, "type"), text(event, "by"), subject,
                refusal instanceof ForbiddenActionException forbidden ? forbidden.refusal().name() : refusal.code()));
    }

    /** A person of the document as the service sees them: their role's group, bound everywhere as themselves. */
    private Actor actorOf(String personId) {
        Participant person = book.people().get(personId);
        Set<Role> roles = switch (person.kind()) {
            case MANAGER -> Set.of(Role.PROGRAMME_MANAGER);
            case FINANCE -> Set.of(Role.FINANCE_OFFICER);
            case SUB_GROUP -> Set.of(Role.SUB_GROUP);
            case LEAD_CONTACT -> Set.of(Role.LEAD_CONTACT);
            case OFFICER -> Set.of(Role.OFFICER);
            case OTHER -> Set.of();
        };
        return new Actor(personId, book.emails().get(personId), roles, Optional.empty(), Optional.empty(),
                Set.of(Actor.EVERY_PROGRAMME), Optional.of(personId), person.organisation());
    }

    private static Actor actorOf(String name, Role role) {
        return Actor.system(name, role);
    }

    private static String text(JsonNode event, String field) {
        return event.get(field).asText();
    }

    private static Map<String, Long> outputs(JsonNode outputs) {
        Map<String, Long> values = new TreeMap<>();
        outputs.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asLong()));
        return values;
    }
}
