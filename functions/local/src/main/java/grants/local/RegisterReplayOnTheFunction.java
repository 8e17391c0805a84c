package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.exports.ExportFile;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Person;
import grants.core.reporting.Refusal;
import grants.core.reporting.ReportingService;
import grants.documents.Json;
import grants.documents.reporting.RegisterBook;
import grants.documents.reporting.RegisterFiles;
import grants.http.Identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A register document lived through the ReportPerformance function on a fresh in-memory stack (nothing is
 * kept afterwards). Its people are bound to the register as a manager binds them
 * ({@code PUT /programmes/{registerId}/bindings/{subject}}) and each then calls with the claims their ID
 * token would carry; the manager keeps the register on the first day, then every actual and narrative
 * recorded by the end of the meeting's day goes to its route as its person at noon on its day (P11). The
 * files are rendered from what the function's own store holds on the meeting's day.
 */
final class RegisterReplayOnTheFunction {

    /** What a replay made: its files, the entries played and how many of them were refused. */
    record Replayed(List<ExportFile> files, int entries, int refused) {
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String FORBIDDEN = "FORBIDDEN";
    private static final String FIGURE = "POST /registers/{registerId}/indicators/{indicatorId}/figures/{quarter}";
    private static final String NARRATIVE = "PUT /registers/{registerId}/indicators/{indicatorId}/narratives/{quarter}";

    private final RegisterBook book;
    private final LocalFunctions functions;
    private final ReplayClock clock;
    private final Map<String, Map<String, String>> claimsOf = new HashMap<>();
    private final List<RegisterFiles.Refused> refused = new ArrayList<>();

    private RegisterReplayOnTheFunction(RegisterBook book, LocalFunctions functions, ReplayClock clock) {
        this.book = book;
        this.functions = functions;
        this.clock = clock;
    }

    static Replayed replay(RegisterBook book, Meeting meeting) throws IOException {
        ReplayClock clock = new ReplayClock(book.firstDay());
        Path scratch = Files.createTempDirectory("grants-report");
        try (LocalFunctions functions = LocalFunctions.inMemory(scratch, clock)) {
            RegisterReplayOnTheFunction replay = keptOn(book, functions, clock);
            int entries = replay.entriesUntil(meeting.date());
            clock.set(meeting.date().atTime(LocalTime.NOON).atZone(LONDON).toInstant());
            return new Replayed(replay.files(meeting, functions), entries, replay.refused.size());
        }
    }

    /**
     * The register kept on {@code functions} on its first day (the clock's day): its people bound, then set up by
     * its manager. Its entries are then played by day ({@link #entriesOn}); the governance replay plays them so.
     */
    static RegisterReplayOnTheFunction keptOn(RegisterBook book, LocalFunctions functions, ReplayClock clock) {
        RegisterReplayOnTheFunction replay = new RegisterReplayOnTheFunction(book, functions, clock);
        replay.bindPeople();
        replay.keepTheRegister();
        return replay;
    }

    /** Each person bound to the register through the bindings route, as a manager binds them. */
    private void bindPeople() {
        for (Person person : book.people()) {
            ObjectNode binding = Json.object().put("name", person.name()).put("personId", person.id());
            APIGatewayV2HTTPResponse bound = functions.api(LocalFunctions.apiEvent(
                    "PUT /programmes/{programmeId}/bindings/{subject}",
                    Map.of("programmeId", book.registerId(), "subject", subjectOf(person)), null, Json.write(binding),
                    Map.of(), LocalFunctions.OPERATOR));
            if (bound.getStatusCode() >= 400) {
                throw new IllegalStateException(person.id() + " could not be bound: " + bound.getBody());
            }
        }
        for (Person person : book.people()) {
            Actor signedIn = new Actor(subjectOf(person), person.email(), Set.of(roleOf(person)), Optional.empty(),
                    Optional.empty(), Set.of());
            Map<String, String> claims = new HashMap<>(Identity.claimsOf(signedIn));
            claims.putAll(functions.signInClaims(subjectOf(person))); // what SignInClaims adds to the ID token
            claimsOf.put(person.id(), claims);
        }
    }

    /** The manager sets the register up on the first day: the register, themes, outcomes, people, indicators, meetings. */
    private void keepTheRegister() {
        String manager = book.people().stream().filter(p -> p.kind() == Person.Kind.MANAGER).findFirst().orElseThrow().id();
        String id = book.registerId();
        Map<String, String> register = Map.of("registerId", id);
        ObjectNode created = Json.object();
        book.note().ifPresent(note -> created.put("note", note));
        book.ownerReminderWorkingDays().ifPresent(days -> created.put("ownerReminderWorkingDays", days));
        keep(manager, "PUT /registers/{registerId}", register, created);
        book.themes().forEach(theme -> keep(manager, "PUT /registers/{registerId}/themes/{themeId}",
                Map.of("registerId", id, "themeId", theme.id()), Json.object().put("title", theme.title())));
        book.outcomes().forEach(outcome -> keep(manager, "PUT /registers/{registerId}/outcomes/{outcomeId}",
                Map.of("registerId", id, "outcomeId", outcome.id()),
                Json.object().put("title", outcome.title()).put("theme", outcome.theme())));
        book.people().forEach(person -> keep(manager, "PUT /registers/{registerId}/people/{personId}",
                Map.of("registerId", id, "personId", person.id()), Json.object().put("name", person.name())
                        .put("email", person.email()).put("role", person.kind().name())));
        book.indicators().forEach(indicator -> keep(manager, "PUT /registers/{registerId}/indicators/{indicatorId}",
                Map.of("registerId", id, "indicatorId", indicator.id()), indicatorBody(indicator)));
        book.meetings().forEach(meeting -> keep(manager, "POST /registers/{registerId}/meetings", register,
                Json.object().put("date", meeting.date().toString()).put("reviews", meeting.reviews().toString())));
    }

    private static ObjectNode indicatorBody(Indicator indicator) {
        ObjectNode body = Json.object().put("reference", indicator.reference()).put("title", indicator.title())
                .put("outcome", indicator.outcome()).put("owner", indicator.owner())
                .put("polarity", indicator.polarity().name()).put("measure", indicator.measure().name())
                .put("accumulation", indicator.accumulation().name()).put("decimals", indicator.decimals())
                .put("unit", indicator.unit()).put("tolerance", indicator.tolerance().toPlainString());
        body.putObject("baseline").put("period", indicator.baseline().period().toString())
                .put("value", indicator.baseline().value().toPlainString());
        ObjectNode targets = body.putObject("targets");
        indicator.targets().forEach((year, target) -> targets.put(year, target.toPlainString()));
        body.putArray("contributions"); // a fresh stack monitors no agreement, and the function checks them
        return body;
    }

    private void keep(String manager, String routeKey, Map<String, String> path, ObjectNode body) {
        APIGatewayV2HTTPResponse answer = send(manager, routeKey, path, body);
        if (answer.getStatusCode() >= 400) {
            throw new IllegalStateException(routeKey + " " + path + " answered " + answer.getStatusCode() + ": "
                    + answer.getBody());
        }
    }

    /**
     * Every actual and narrative recorded by the end of {@code until}, by day, each day's in the document's
     * order (actuals, then narratives), each at noon as its person. Later entries are not part of it.
     */
    private int entriesUntil(LocalDate until) {
        return play(entries().stream().filter(e -> !e.on().isAfter(until)).toList());
    }

    /** The entries recorded on {@code day}, each at noon as its person; how many there were. */
    int entriesOn(LocalDate day) {
        return play(entries().stream().filter(e -> e.on().equals(day)).toList());
    }

    private record Entry(LocalDate on, Runnable play) {
    }

    /** Every actual and narrative, by day (stable: a quarter's actuals in the order recorded). */
    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        book.actuals().forEach(actual -> entries.add(new Entry(actual.recordedOn(), () -> actual(actual))));
        book.narratives().forEach(story -> entries.add(new Entry(story.on(), () -> narrative(story))));
        return entries.stream().sorted(Comparator.comparing(Entry::on)).toList();
    }

    private int play(List<Entry> played) {
        for (Entry entry : played) {
            clock.set(entry.on().atTime(LocalTime.NOON).atZone(LONDON).toInstant());
            entry.play().run();
        }
        return played.size();
    }

    private void actual(RegisterBook.Actual actual) {
        ObjectNode body = Json.object();
        if (actual.figure().isRatio()) {
            body.put("numerator", actual.figure().numerator().toPlainString())
                    .put("denominator", actual.figure().denominator().toPlainString());
        } else {
            body.put("value", actual.figure().value().toPlainString());
        }
        body.put("status", actual.finality().name());
        actual.revisionReason().ifPresent(reason -> body.put("reason", reason));
        attempt(actual.recordedOn(), "actual", actual.recordedBy(), actual.indicator(), actual.period().toString(),
                FIGURE, body, Refusal.NOT_OWNER);
    }

    private void narrative(RegisterBook.Story story) {
        attempt(story.on(), "narrative", story.by(), story.indicator(), story.period().toString(), NARRATIVE,
                Json.object().put("achieved", story.achieved()).put("next", story.next()), Refusal.NOT_NARRATIVE_OWNER);
    }

    /**
     * An entry sent to its route. A P10 refusal is listed in refused.csv. A route that never serves the
     * caller's role (a board member recording a figure, a manager writing a narrative) answers 403
     * {@code FORBIDDEN} before anything runs: P10 gives "not the owner (or a manager)" first, so that is the
     * reason listed. Any other failure stops the replay, and nothing is written.
     */
    private void attempt(LocalDate on, String type, String by, String indicatorId, String period, String routeKey,
                         ObjectNode body, Refusal whenTheRouteRefusesTheRole) {
        APIGatewayV2HTTPResponse answer = send(by, routeKey, Map.of("registerId", book.registerId(),
                "indicatorId", indicatorId, "quarter", period.replace(' ', '-')), body);
        if (answer.getStatusCode() < 400) {
            return;
        }
        String code = Json.parse(answer.getBody()).path("error").path("code").asText();
        Optional<Refusal> reason = code.equals(FORBIDDEN) ? Optional.of(whenTheRouteRefusesTheRole)
                : Arrays.stream(Refusal.values()).filter(refusal -> refusal.name().equals(code)).findFirst();
        if (reason.isEmpty()) {
            throw new IllegalStateException(routeKey + " for " + indicatorId + " " + period + " by " + by + " answered "
                    + answer.getStatusCode() + ": " + answer.getBody());
        }
        refused.add(new RegisterFiles.Refused(on, type, by, indicatorId + " " + period, reason.get().name()));
    }

    /** A request to the function's route as the person would send it, with the claims their ID token carries. */
    APIGatewayV2HTTPResponse send(String personId, String routeKey, Map<String, String> path, JsonNode body) {
        return functions.api(APIGatewayV2HTTPEvent.builder()
                .withRequestContext(Identity.verified(claimsOf.get(personId)))
                .withRouteKey(routeKey).withPathParameters(path).withHeaders(Map.of())
                .withBody(body == null ? null : Json.write(body)).withIsBase64Encoded(false).build());
    }

    /**
     * The files, from the function's own store on the meeting's day: the pack as it stood the day before,
     * the public figures as the public sees them that day. Refusals by day, then by what they say (P12).
     */
    private List<ExportFile> files(Meeting meeting, LocalFunctions functions) {
        ReportingService onTheStore = new ReportingService(new DynamoReportingStore(functions.wiring().table(),
                functions.wiring().auditTable()), ContributingAgreement.Source.NONE, clock);
        Actor reader = LocalFunctions.OPERATOR;
        List<RegisterFiles.Refused> inOrder = refused.stream().sorted(Comparator.comparing(RegisterFiles.Refused::on)
                .thenComparing(RegisterFiles.Refused::type).thenComparing(RegisterFiles.Refused::by)
                .thenComparing(RegisterFiles.Refused::subject).thenComparing(RegisterFiles.Refused::reason)).toList();
        return RegisterFiles.render(onTheStore.register(reader, book.registerId()),
                onTheStore.boardPack(reader, book.registerId(), meeting.date()), onTheStore.publicFigures(book.registerId()),
                inOrder);
    }

    private static String subjectOf(Person person) {
        return "register-person-" + person.id();
    }

    /** The user pool group a register's person signs in with; scrutiny members read as auditors do. */
    private static Role roleOf(Person person) {
        return switch (person.kind()) {
            case OWNER -> Role.INDICATOR_OWNER;
            case MANAGER -> Role.PROGRAMME_MANAGER;
            case BOARD -> Role.BOARD_MEMBER;
            case SCRUTINY -> Role.AUDITOR;
        };
    }
}
