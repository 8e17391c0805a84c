package grants.testing.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.ForbiddenActionException;
import grants.core.governance.GovernanceService;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.RefusedException;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryGovernanceStore;
import grants.testing.SettableClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static grants.testing.governance.GovernanceBook.date;
import static grants.testing.governance.GovernanceBook.each;
import static grants.testing.governance.GovernanceBook.optional;
import static grants.testing.governance.GovernanceBook.strings;
import static grants.testing.governance.GovernanceBook.text;

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

    /** Plays the book to its {@code asOf}, the daily run {@code runsPerDay} times on each day it happens. */
    static GovernanceReplay play(GovernanceBook book, PackExceptions packs, Set<LocalDate> outages, int runsPerDay) {
        GovernanceReplay replay = new GovernanceReplay(book, packs);
        LocalDate first = Stream.concat(book.meetings().stream().map(Meeting::date),
                book.events().stream().map(e -> date(e.get("on")))).min(LocalDate::compareTo).orElseThrow();
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
            book.events().stream().filter(e -> date(e.get("on")).equals(today)).forEach(replay::send);
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

    private void send(JsonNode event) {
        String type = text(event, "type");
        Actor by = as(text(event, "by"));
        try {
            switch (type) {
                case "decide" -> service.decide(by, decision(event));
                case "update" -> service.update(by, text(event, "action"), text(event, "text"));
                case "complete" -> service.complete(by, text(event, "action"), text(event, "evidence"));
                case "respond" -> service.respond(by, text(event, "recommendation"),
                        RecommendationRecord.Answer.valueOf(text(event, "answer")), optional(event, "reason").orElse(""),
                        each(event.get("actions")).stream().map(a -> new GovernanceService.NewAction(text(a, "id"),
                                date(a.get("due")), text(a, "criterion"))).toList());
                case "scope" -> service.scope(by, text(event, "review"), text(event, "body"),
                        strings(event.get("indicators")));
                case "evidence" -> service.addEvidence(by, text(event, "review"), text(event, "id"),
                        ReviewRecord.EvidenceKind.valueOf(text(event, "kind")), text(event, "summary"));
                case "finding" -> service.addFinding(by, text(event, "review"), text(event, "id"), text(event, "text"),
                        strings(event.get("evidence")));
                default -> throw new IllegalArgumentException("unknown event type " + type);
            }
        } catch (RefusedException e) {
            refused.add(new Refused(date(event.get("on")), type, by.subject(), e.subject(), e.refusal().name()));
        } catch (ForbiddenActionException e) {
            refused.add(new Refused(date(event.get("on")), type, by.subject(), e.subject(), e.refusal().name()));
        }
    }

    private static DecisionRequest decision(JsonNode e) {
        Terms terms = switch (text(e, "kind")) {
            case "ACTION" -> new Terms.Action(text(e, "owner"), date(e.get("due")), text(e, "criterion"));
            case "RECOMMENDATION" -> new Terms.Recommendation(text(e, "to"), text(e, "text"));
            case "NOTED" -> new Terms.Noted(text(e, "reason"));
            case "VARIATION" -> new Terms.Variation(text(e, "action"), date(e.get("due")), text(e, "reason"));
            case "DROP" -> new Terms.Drop(text(e, "action"), text(e, "reason"));
            case "REPORT" -> new Terms.Report(text(e, "review"), each(e.get("recommendations")).stream()
                    .map(r -> new Terms.ReportRecommendation(text(r, "id"), text(r, "finding"), text(r, "to"),
                            text(r, "text"))).toList());
            default -> throw new IllegalArgumentException("unknown kind " + text(e, "kind"));
        };
        return new DecisionRequest(text(e, "id"), text(e, "body"), text(e, "item"), optional(e, "about"),
                strings(e.get("declared")), optional(e, "exempt").map(Decision.Exempt::valueOf), terms);
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
