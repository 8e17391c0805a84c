package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.access.Actor;
import grants.core.calendar.WorkingDays;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.exports.ExportFile;
import grants.core.governance.BoardExceptions;
import grants.core.governance.Body;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.Meeting;
import grants.core.governance.Refusal;
import grants.core.governance.ReviewRecord;
import grants.core.governance.ReviewState;
import grants.core.governance.Standing;
import grants.core.governance.Terms;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.ReportingService;
import grants.documents.Json;
import grants.documents.governance.GovernanceBook;
import grants.documents.governance.GovernanceCsv;
import grants.documents.governance.GovernanceEvent;
import grants.documents.reporting.RegisterFiles;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.functions.governance.GovernBoardsComposition;
import grants.localaws.LocalLambdaContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A governance book lived through the GovernBoards function on a fresh in-memory stack (nothing is kept
 * afterwards). The register part is kept and its entries played as the {@code report} replay plays them
 * ({@link RegisterReplayOnTheFunction}: one register, one set of rules), so the board's exceptions are the
 * packs' own. Each day, in G6's order: the daily escalation run (its handler, at 07:00, on working days but the
 * book's {@code sweepOutages}), then the register's entries, then the day's meetings and events, each at noon as
 * its person through its route. What the function refuses (403 {@code NOT_ALLOWED}, 409 with a G12 reason)
 * changes nothing and is listed in {@code refused.csv}; an event the function answers 400 or 404 (it names what
 * no accepted event has made, G1) makes the book bad input, named by the event. The files are rendered from
 * the function's own store as at the end of {@code asOf}.
 */
final class GovernanceReplayOnTheFunction {

    /** What a replay made: its files, the emails the local SES received, and counts for the summary. */
    record Replayed(List<ExportFile> files, JsonNode emails, int events, int refused, int escalated) {
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AT = "/registers/{registerId}/governance";
    private static final double NOTICE_RATE = 1_000;

    private final GovernanceBook book;
    private final LocalFunctions functions;
    private final ReplayClock clock;
    private final RegisterReplayOnTheFunction register;
    private final String clerk;
    private final List<RegisterFiles.Refused> refused = new ArrayList<>();

    private GovernanceReplayOnTheFunction(GovernanceBook book, LocalFunctions functions, ReplayClock clock) {
        this.book = book;
        this.functions = functions;
        this.clock = clock;
        this.register = RegisterReplayOnTheFunction.keptOn(book.register(), functions, clock);
        this.clerk = book.managers().iterator().next();
    }

    /** @throws InvalidInputException when an event names what no accepted event made (the book is bad input) */
    static Replayed replay(GovernanceBook book) throws IOException {
        ReplayClock clock = new ReplayClock(book.register().firstDay());
        Path scratch = Files.createTempDirectory("grants-govern");
        try (LocalFunctions functions = LocalFunctions.inMemory(scratch, clock)) {
            functions.wiring().monitoring().putBankHolidays(book.bankHolidays());
            GovernanceReplayOnTheFunction replay = new GovernanceReplayOnTheFunction(book, functions, clock);
            replay.live();
            functions.deliverTableStream(); // the escalations' notices reach QueueNotices, as on AWS
            functions.deliverNoticesQueue(NOTICE_RATE);
            return new Replayed(replay.files(), functions.sentEmails().deepCopy(), book.events().size(),
                    replay.refused.size(), replay.store().escalations().size());
        }
    }

    /** Every day from the register's first to {@code asOf}, in G6's order. */
    private void live() {
        WorkingDays calendar = new WorkingDays(book.bankHolidays());
        DailyEscalationRunHandler dailyRun = new DailyEscalationRunHandler(functions.wiring());
        LocalDate starts = book.governanceStarts();
        for (LocalDate day = book.register().firstDay(); !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            if (!day.isBefore(starts) && calendar.isWorkingDay(day) && !book.sweepOutages().contains(day)) {
                clock.set(day.atTime(7, 0).atZone(LONDON).toInstant());
                dailyRun.handleRequest(Map.of(), new LocalLambdaContext("GovernBoardsDailyRunFunction"));
            }
            register.entriesOn(day);
            clock.set(day.atTime(LocalTime.NOON).atZone(LONDON).toInstant());
            if (day.equals(starts)) {
                book.bodies().forEach(this::setUp);
            }
            LocalDate today = day;
            book.meetings().stream().filter(m -> m.date().equals(today)).forEach(this::record);
            for (int i = 0; i < book.events().size(); i++) {
                if (book.events().get(i).on().equals(day)) {
                    send(i, book.events().get(i));
                }
            }
        }
    }

    /** The clerk sets up a body: its chair, members and observers, each with their organisation. */
    private void setUp(Body body) {
        ObjectNode json = Json.object().put("name", body.name()).put("kind", body.kind().name());
        body.theme().ifPresent(theme -> json.put("theme", theme));
        json.put("decisionMaking", body.decisionMaking()).put("quorum", body.quorum());
        ArrayNode members = json.putArray("members");
        body.members().forEach(m -> {
            ObjectNode member = members.addObject().put("person", m.person()).put("role", m.role().name());
            m.organisation().ifPresent(organisation -> member.put("organisation", organisation));
        });
        kept(register.send(clerk, "PUT " + AT + "/bodies/{bodyId}", path("bodyId", body.id()), json));
    }

    /** The clerk records a meeting and who was present. */
    private void record(Meeting meeting) {
        ObjectNode json = Json.object();
        meeting.present().forEach(json.putArray("present")::add);
        kept(register.send(clerk, "PUT " + AT + "/bodies/{bodyId}/meetings/{meetingDate}",
                path("bodyId", meeting.body(), "meetingDate", meeting.date().toString()), json));
    }

    private static void kept(APIGatewayV2HTTPResponse answer) {
        if (answer.getStatusCode() >= 400) {
            throw new IllegalStateException("setting up governance answered " + answer.getStatusCode() + ": "
                    + answer.getBody());
        }
    }

    /** An event sent to its route as its person; a G12 refusal is listed, bad input stops the replay. */
    private void send(int index, GovernanceEvent event) {
        APIGatewayV2HTTPResponse answer = toItsRoute(event);
        if (answer.getStatusCode() < 400) {
            return;
        }
        JsonNode error = Json.parse(answer.getBody()).path("error");
        String code = error.path("code").asText();
        boolean g12 = Arrays.stream(Refusal.values()).anyMatch(r -> r.name().equals(code));
        if (g12 && (answer.getStatusCode() == 403 || answer.getStatusCode() == 409)) {
            refused.add(new RegisterFiles.Refused(event.on(), event.type(), event.by(),
                    error.path("subject").asText(event.subject()), code));
        } else if (answer.getStatusCode() == 400 || answer.getStatusCode() == 404) {
            List<Problem> problems = new ArrayList<>(List.of(new Problem("events[" + index + "]", "the function refused"
                    + " it as bad input: " + error.path("message").asText())));
            error.path("details").forEach(d -> problems.add(new Problem("events[" + index + "]."
                    + d.path("field").asText(), d.path("problem").asText())));
            throw new InvalidInputException("The governance book was refused: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " found; nothing was written.", problems);
        } else {
            throw new IllegalStateException(event.type() + " " + event.subject() + " by " + event.by() + " answered "
                    + answer.getStatusCode() + ": " + answer.getBody());
        }
    }

    /** The event as its person sends it to its route. */
    private APIGatewayV2HTTPResponse toItsRoute(GovernanceEvent event) {
        if (event instanceof GovernanceEvent.Decide d) {
            return post(d, AT + "/decisions", path(), decision(d.decision()));
        } else if (event instanceof GovernanceEvent.Update u) {
            return post(u, AT + "/actions/{actionId}/updates", path("actionId", u.action()),
                    Json.object().put("text", u.text()));
        } else if (event instanceof GovernanceEvent.Complete c) {
            return post(c, AT + "/actions/{actionId}/completion", path("actionId", c.action()),
                    withText(Json.object(), "evidence", c.evidence()));
        } else if (event instanceof GovernanceEvent.Respond r) {
            ObjectNode json = withText(Json.object().put("answer", r.answer().name()), "reason", r.reason());
            if (!r.actions().isEmpty()) {
                ArrayNode actions = json.putArray("actions");
                r.actions().forEach(a -> withText(actions.addObject().put("id", a.id()).put("due", a.due().toString()),
                        "criterion", a.criterion()));
            }
            return post(r, AT + "/recommendations/{recommendationId}/answer",
                    path("recommendationId", r.recommendation()), json);
        } else if (event instanceof GovernanceEvent.Scope s) {
            ObjectNode json = Json.object().put("id", s.review()).put("body", s.body());
            s.indicators().forEach(json.putArray("indicators")::add);
            return post(s, AT + "/reviews", path(), json);
        } else if (event instanceof GovernanceEvent.Evidence e) {
            return post(e, AT + "/reviews/{reviewId}/evidence", path("reviewId", e.review()),
                    Json.object().put("id", e.id()).put("kind", e.kind().name()).put("summary", e.summary()));
        }
        GovernanceEvent.Finding f = (GovernanceEvent.Finding) event;
        ObjectNode json = Json.object().put("id", f.id()).put("text", f.text());
        f.evidence().forEach(json.putArray("evidence")::add);
        return post(f, AT + "/reviews/{reviewId}/findings", path("reviewId", f.review()), json);
    }

    private APIGatewayV2HTTPResponse post(GovernanceEvent event, String route, Map<String, String> path,
                                          ObjectNode body) {
        return register.send(event.by(), "POST " + route, path, body);
    }

    private static ObjectNode decision(DecisionRequest request) {
        ObjectNode json = Json.object().put("id", request.id()).put("body", request.body()).put("item", request.item());
        request.about().ifPresent(about -> json.put("about", about));
        if (!request.declared().isEmpty()) {
            request.declared().forEach(json.putArray("declared")::add);
        }
        request.exempt().ifPresent(exempt -> json.put("exempt", exempt.name()));
        ObjectNode terms = json.putObject("terms").put("kind", request.terms().kind().name());
        Terms given = request.terms();
        if (given instanceof Terms.Action a) {
            withText(terms.put("owner", a.owner()).put("due", a.due().toString()), "criterion", a.criterion());
        } else if (given instanceof Terms.Recommendation r) {
            terms.put("to", r.to()).put("text", r.text());
        } else if (given instanceof Terms.Noted n) {
            withText(terms, "reason", n.reason());
        } else if (given instanceof Terms.Variation v) {
            withText(terms.put("action", v.action()).put("due", v.due().toString()), "reason", v.reason());
        } else if (given instanceof Terms.Drop d) {
            withText(terms.put("action", d.action()), "reason", d.reason());
        } else if (given instanceof Terms.Report r) {
            terms.put("review", r.review());
            ArrayNode recommendations = terms.putArray("recommendations");
            r.recommendations().forEach(each -> recommendations.addObject().put("id", each.id())
                    .put("finding", each.finding()).put("to", each.to()).put("text", each.text()));
        }
        return json;
    }

    /** A text G12 has a reason for is left out when empty, as a person leaving the box empty sends it. */
    private static ObjectNode withText(ObjectNode json, String field, String text) {
        return text.isBlank() ? json : json.put(field, text);
    }

    private Map<String, String> path(String... names) {
        Map<String, String> path = new TreeMap<>(Map.of("registerId", book.registerId()));
        for (int i = 0; i < names.length; i += 2) {
            path.put(names[i], names[i + 1]);
        }
        return path;
    }

    /** The register's governance as the function stores it. */
    private DynamoGovernanceStore store() {
        return new DynamoGovernanceStore(functions.wiring().table(), functions.wiring().auditTable(), book.registerId());
    }

    /** The files, from the function's own store at the end of {@code asOf} (the clock's day). */
    private List<ExportFile> files() {
        clock.set(book.asOf().atTime(LocalTime.NOON).atZone(LONDON).toInstant());
        ReportingService reporting = new ReportingService(new DynamoReportingStore(functions.wiring().table(),
                functions.wiring().auditTable()), ContributingAgreement.Source.NONE, clock);
        GovernanceService governance = GovernBoardsComposition.governance(functions.wiring(), reporting,
                book.registerId());
        DynamoGovernanceStore store = store();
        Actor reader = LocalFunctions.OPERATOR;
        WorkingDays calendar = new WorkingDays(store.bankHolidays());
        Standing standing = governance.standing(reader);
        String board = store.bodies().stream().filter(b -> b.kind() == Body.Kind.BOARD).findFirst().orElseThrow().id();
        List<Meeting> boardMeetings = store.meetings().stream().filter(m -> m.body().equals(board)).toList();
        Map<LocalDate, BoardExceptions> exceptions = boardMeetings.stream().collect(Collectors.toMap(Meeting::date,
                m -> governance.exceptions(reader, m.date())));
        Map<String, ReviewState> reviewStates = store.reviews().stream().collect(Collectors.toMap(ReviewRecord::id,
                r -> governance.reviewState(reader, r.id())));
        List<ExportFile> files = new ArrayList<>();
        files.add(GovernanceCsv.decisions(store.decisions(), calendar, false));
        files.add(GovernanceCsv.actions(store.actions().stream().map(standing::of).toList()));
        files.add(GovernanceCsv.recommendations(store.recommendations().stream().map(standing::of).toList()));
        files.add(GovernanceCsv.meetings(store.meetings(), store.bodies().stream()
                .collect(Collectors.toMap(Body::id, Function.identity())), exceptions));
        files.add(GovernanceCsv.reviews(store.reviews(), reviewStates));
        files.add(GovernanceCsv.coverage(governance.coverage(reader)));
        boardMeetings.forEach(m -> files.add(GovernanceCsv.section(governance.governanceSection(reader, m.date()))));
        files.add(RegisterFiles.refusedCsv(refused));
        return files;
    }
}
