package grants.documents.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import grants.documents.FieldReader;
import grants.documents.monitoring.MonitoringFields;
import grants.documents.reporting.RegisterBook;
import grants.documents.reporting.RegisterBookJson;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a governance book strictly (governance-rules.md, "Bad input"): the register part as the register
 * document's reader does ({@link RegisterBookJson}, its problems named by the same paths), then the bodies,
 * meetings and events, every unknown field refused, every bad field named by its path
 * ({@code events[12].owner}), every problem of the book found before it is refused, whole. Ids are unique in
 * the whole book, the register's included, whether or not the event carrying one will be refused (G1); an event
 * may name only what an earlier event made.
 */
public final class GovernanceBookJson {

    private static final String WHAT = "governance book";
    private static final String CONSEQUENCE = "nothing was written";
    private static final String ID_PATTERN = "[a-z0-9-]{1,64}";
    private static final String ID_IN_WORDS = "1 to 64 characters of a-z, 0-9 and -";
    private static final int LONG = FieldReader.MAX_LONG_TEXT;
    private static final List<String> OWN_FIELDS = List.of("settings", "bankHolidays", "sweepOutages", "bodies",
            "bodyMeetings", "events", "asOf");
    private static final List<String> EVENT_FIELDS = List.of("on", "type", "by");

    private final FieldReader reader = new FieldReader();
    private final MonitoringFields sameAsMonitoring = new MonitoringFields(reader);
    /** Where each id of the book was first given (G1: unique in the whole book). */
    private final Map<String, String> idAt = new HashMap<>();
    /** What earlier events made, by id: "an action", "a recommendation", "a review", "evidence", "a finding". */
    private final Map<String, String> made = new HashMap<>();

    private Set<String> people = Set.of();
    private Set<String> indicators = Set.of();
    private Set<String> organisations = Set.of();
    private Map<String, Body> bodies = Map.of();
    private final Set<String> meetingsHeld = new TreeSet<>();

    private GovernanceBookJson() {
    }

    /** The book, or {@link InvalidInputException} naming every problem. */
    public static GovernanceBook read(JsonNode document) {
        return new GovernanceBookJson().book(document);
    }

    private GovernanceBook book(JsonNode document) {
        if (!reader.isObject(document, "body")) {
            throw reader.refusal(WHAT, CONSEQUENCE);
        }
        RegisterBook register = register((ObjectNode) document);
        people = idsOf(document, "people");
        indicators = idsOf(document, "indicators");
        for (String list : List.of("themes", "outcomes", "people", "indicators")) {
            List<JsonNode> items = reader.array(document, "", list, false);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").isTextual()) {
                    idAt.putIfAbsent(items.get(i).path("id").asText(), list + "[" + i + "]");
                }
            }
        }
        Map<String, Optional<String>> organisationOf = organisations(document);
        organisations = new TreeSet<>(organisationOf.values().stream().flatMap(Optional::stream).toList());
        GovernanceSettings settings = settings(document);
        List<LocalDate> bankHolidays = sameAsMonitoring.dates(document, "bankHolidays");
        List<LocalDate> sweepOutages = sameAsMonitoring.dates(document, "sweepOutages");
        List<Body> bodyList = bodies(document, idsOf(document, "themes"), organisationOf);
        List<Meeting> meetings = bodyMeetings(document, registerMeetings(document));
        LocalDate asOf = reader.date(document, "", "asOf", true);
        List<GovernanceEvent> events = events(document, asOf);
        reader.refuseIfAny(WHAT, CONSEQUENCE);
        return new GovernanceBook(register, settings, bankHolidays, new TreeSet<>(sweepOutages), organisationOf,
                bodyList, meetings, events, asOf);
    }

    /** The register part, read as a register document is: its problems are the book's, under the same names. */
    private RegisterBook register(ObjectNode document) {
        ObjectNode register = document.deepCopy();
        OWN_FIELDS.forEach(register::remove);
        register.path("people").forEach(person -> {
            if (person.isObject()) {
                ((ObjectNode) person).remove("organisation");
            }
        });
        try {
            return RegisterBookJson.read(register);
        } catch (InvalidInputException refused) {
            refused.details().forEach(problem -> reader.problem(problem.field(), problem.problem()));
            return null;
        }
    }

    /** Each person's organisation, if the book names one (conflicts of interest, G3). */
    private Map<String, Optional<String>> organisations(JsonNode document) {
        Map<String, Optional<String>> of = new LinkedHashMap<>();
        List<JsonNode> given = reader.array(document, "", "people", false);
        for (int i = 0; i < given.size(); i++) {
            JsonNode person = given.get(i);
            if (person.isObject() && person.path("id").isTextual()) {
                of.put(person.path("id").asText(), Optional.ofNullable(reader.id(person, "people[" + i + "]",
                        "organisation", ID_PATTERN, ID_IN_WORDS, false)));
            }
        }
        return of;
    }

    private GovernanceSettings settings(JsonNode document) {
        JsonNode settings = document.get("settings");
        if (settings == null || settings.isNull()) {
            reader.problem("settings", "is required: {\"escalationWorkingDays\": 20, \"responseDueWorkingDays\": 40}");
            return null;
        }
        if (!reader.isObject(settings, "settings")) {
            return null;
        }
        reader.onlyFields(settings, "settings", "escalationWorkingDays", "responseDueWorkingDays");
        Integer escalation = wholeNumber(settings, "settings", "escalationWorkingDays", 1);
        Integer response = wholeNumber(settings, "settings", "responseDueWorkingDays", 1);
        return escalation == null || response == null ? null : new GovernanceSettings(escalation, response);
    }

    private Integer wholeNumber(JsonNode parent, String path, String field, int least) {
        JsonNode given = parent.get(field);
        if (given == null || !given.isIntegralNumber() || !given.canConvertToInt() || given.intValue() < least) {
            reader.problem(FieldReader.path(path, field), "must be a whole number of at least " + least + ", got "
                    + given);
            return null;
        }
        return given.intValue();
    }

    // ---- bodies and their meetings ----

    private List<Body> bodies(JsonNode document, Set<String> themes, Map<String, Optional<String>> organisationOf) {
        Map<String, Body> byId = new LinkedHashMap<>();
        List<Body> read = reader.objects(document, "", "bodies", (node, path) -> body(node, path, themes,
                organisationOf));
        if (reader.array(document, "", "bodies", true).isEmpty() && document.has("bodies")) {
            reader.problem("bodies", "must have exactly one BOARD, has none");
        }
        for (int i = 0; i < read.size(); i++) {
            Body body = read.get(i);
            if (body != null && claim(body.id(), "bodies[" + i + "]", "bodies[" + i + "].id")) {
                byId.put(body.id(), body);
            }
        }
        long boards = reader.array(document, "", "bodies", false).stream()
                .filter(b -> "BOARD".equals(b.path("kind").asText())).count();
        if (boards != 1 && !read.isEmpty()) {
            reader.problem("bodies", "must have exactly one BOARD (the register's board), has " + boards);
        }
        bodies = byId;
        return List.copyOf(byId.values());
    }

    private Body body(JsonNode node, String path, Set<String> themes, Map<String, Optional<String>> organisationOf) {
        reader.onlyFields(node, path, "id", "name", "kind", "theme", "decisionMaking", "quorum", "members");
        String id = reader.id(node, path, "id", ID_PATTERN, ID_IN_WORDS, true);
        String name = reader.text(node, path, "name", true);
        Body.Kind kind = reader.oneOf(node, path, "kind", Body.Kind.class, true);
        String theme = reader.text(node, path, "theme", false);
        if (kind == Body.Kind.THEME_GROUP && theme == null && !node.hasNonNull("theme")) {
            reader.problem(FieldReader.path(path, "theme"), "is required for a THEME_GROUP: name one of the register's themes");
        } else if (theme != null && kind != null && kind != Body.Kind.THEME_GROUP) {
            reader.problem(FieldReader.path(path, "theme"), "is for a THEME_GROUP only, not a " + kind);
            theme = null;
        } else if (theme != null && !themes.contains(theme)) {
            reader.problem(FieldReader.path(path, "theme"), "is not a theme of the register: \"" + theme + "\"");
            theme = null;
        }
        Boolean decisionMaking = sameAsMonitoring.requiredBoolean(node, path, "decisionMaking"); // false: advisory
        Integer quorum = wholeNumber(node, path, "quorum", 0);
        List<Body.Member> members = reader.objects(node, path, "members", (member, memberPath) -> {
            reader.onlyFields(member, memberPath, "person", "role");
            String person = reader.known(member, memberPath, "person", people, "a person");
            Body.Role role = reader.oneOf(member, memberPath, "role", Body.Role.class, true);
            return person == null || role == null ? null
                    : new Body.Member(person, role, organisationOf.getOrDefault(person, Optional.empty()));
        });
        if (!node.has("members")) {
            reader.problem(FieldReader.path(path, "members"), "is required: the body's chair, members and observers");
        }
        boolean good = id != null && name != null && kind != null && decisionMaking != null && quorum != null
                && members.stream().allMatch(Objects::nonNull) && (kind != Body.Kind.THEME_GROUP || theme != null);
        return good ? new Body(id, name, kind, Optional.ofNullable(theme), decisionMaking, quorum, members) : null;
    }

    private Set<LocalDate> registerMeetings(JsonNode document) {
        Set<LocalDate> dates = new TreeSet<>();
        document.path("meetings").forEach(meeting -> {
            try {
                dates.add(LocalDate.parse(meeting.path("date").asText()));
            } catch (DateTimeParseException named) {
                // the register's reader has named it
            }
        });
        return dates;
    }

    private List<Meeting> bodyMeetings(JsonNode document, Set<LocalDate> boardDates) {
        Map<String, String> firstAt = new HashMap<>();
        List<Meeting> meetings = reader.objects(document, "", "bodyMeetings", (node, path) -> {
            reader.onlyFields(node, path, "body", "date", "present");
            String body = reader.known(node, path, "body", bodies.keySet(), "a body");
            LocalDate date = reader.date(node, path, "date", true);
            List<String> present = known(node, path, "present", people, "a person");
            if (body != null && date != null && firstAt.putIfAbsent(body + " " + date, path) != null) {
                reader.problem(FieldReader.path(path, "date"), body + " already meets on " + date + " at "
                        + firstAt.get(body + " " + date) + ": one meeting of a body a day");
                return null;
            }
            return body == null || date == null || present == null ? null : new Meeting(body, date, present);
        }).stream().filter(Objects::nonNull).toList();
        meetings.forEach(m -> meetingsHeld.add(m.body() + " " + m.date()));
        bodies.values().stream().filter(b -> b.kind() == Body.Kind.BOARD).findFirst().ifPresent(board -> {
            Set<LocalDate> held = new TreeSet<>(meetings.stream().filter(m -> m.body().equals(board.id()))
                    .map(Meeting::date).toList());
            if (!held.equals(boardDates)) {
                Set<LocalDate> missing = new TreeSet<>(boardDates);
                missing.removeAll(held);
                Set<LocalDate> extra = new TreeSet<>(held);
                extra.removeAll(boardDates);
                reader.problem("bodyMeetings", "the board's meetings must be the register's meetings: "
                        + (missing.isEmpty() ? "" : "missing " + missing) + (missing.isEmpty() || extra.isEmpty()
                        ? "" : ", ") + (extra.isEmpty() ? "" : "not in the register's meetings " + extra));
            }
        });
        return meetings;
    }

    // ---- what people did ----

    private List<GovernanceEvent> events(JsonNode document, LocalDate asOf) {
        List<GovernanceEvent> events = new ArrayList<>();
        LocalDate latest = null;
        String latestAt = null;
        String afterAsOf = null;
        List<JsonNode> given = reader.array(document, "", "events", true);
        for (int i = 0; i < given.size(); i++) {
            String path = "events[" + i + "]";
            if (!reader.isObject(given.get(i), path)) {
                continue;
            }
            JsonNode node = given.get(i);
            int problemsBefore = reader.problems().size();
            GovernanceEvent event = event(node, path);
            LocalDate on = node.path("on").isTextual() ? parsed(node.path("on").asText()) : null;
            if (on != null && latest != null && on.isBefore(latest)) {
                reader.problem(FieldReader.path(path, "on"), on + " is before " + latest + " (" + latestAt
                        + "): events are in date order");
            } else if (on != null) {
                latest = on;
                latestAt = path;
            }
            if (on != null && asOf != null && on.isAfter(asOf) && afterAsOf == null) {
                afterAsOf = path + " (" + on + ")";
            }
            if (event != null && reader.problems().size() == problemsBefore) {
                events.add(event);
            }
        }
        if (afterAsOf != null) {
            reader.problem("asOf", asOf + " is before the day of " + afterAsOf
                    + ": the replay stops at asOf, after every event");
        }
        return events;
    }

    private static LocalDate parsed(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException named) {
            return null;
        }
    }

    private GovernanceEvent event(JsonNode node, String path) {
        LocalDate on = reader.date(node, path, "on", true);
        String type = reader.text(node, path, "type", true);
        String by = reader.known(node, path, "by", people, "a person");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "decide" -> decide(node, path, on, by);
            case "update" -> onAnAction(node, path, on, by, "text");
            case "complete" -> onAnAction(node, path, on, by, "evidence");
            case "respond" -> respond(node, path, on, by);
            case "scope" -> {
                fields(node, path, "review", "body", "indicators");
                String review = newId(node, path, "review", "a review");
                String body = reader.known(node, path, "body", bodies.keySet(), "a body");
                if (body != null && bodies.get(body).kind() != Body.Kind.THEME_GROUP) {
                    reader.problem(FieldReader.path(path, "body"), "must be a theme group (scrutiny reviews theme"
                            + " groups), not the " + bodies.get(body).kind() + " \"" + body + "\"");
                    body = null;
                }
                List<String> scoped = known(node, path, "indicators", indicators, "an indicator");
                yield on == null || by == null || review == null || body == null || scoped == null ? null
                        : new GovernanceEvent.Scope(on, by, review, body, scoped);
            }
            case "evidence" -> {
                fields(node, path, "review", "id", "kind", "summary");
                String review = earlier(node, path, "review", "a review");
                String id = newId(node, path, "id", "evidence");
                ReviewRecord.EvidenceKind kind = reader.oneOf(node, path, "kind", ReviewRecord.EvidenceKind.class, true);
                String summary = text(node, path, "summary", true);
                yield on == null || by == null || review == null || id == null || kind == null || summary == null
                        ? null : new GovernanceEvent.Evidence(on, by, review, id, kind, summary);
            }
            case "finding" -> {
                fields(node, path, "review", "id", "text", "evidence");
                String review = earlier(node, path, "review", "a review");
                List<String> evidence = known(node, path, "evidence", madeAs("evidence"), "evidence made by an"
                        + " earlier event");
                String id = newId(node, path, "id", "a finding");
                String text = text(node, path, "text", true);
                yield on == null || by == null || review == null || id == null || text == null || evidence == null
                        ? null : new GovernanceEvent.Finding(on, by, review, id, text, evidence);
            }
            default -> {
                reader.problem(FieldReader.path(path, "type"), "must be one of decide, update, complete, respond,"
                        + " scope, evidence, finding, got \"" + type + "\"");
                yield null;
            }
        };
    }

    /** An owner's {@code update} (its {@code text}) or {@code complete} (its {@code evidence}) of an action. */
    private GovernanceEvent onAnAction(JsonNode node, String path, LocalDate on, String by, String words) {
        fields(node, path, "action", words);
        String action = earlier(node, path, "action", "an action");
        String text = text(node, path, words, true);
        if (on == null || by == null || action == null || text == null) {
            return null;
        }
        return words.equals("text") ? new GovernanceEvent.Update(on, by, action, text)
                : new GovernanceEvent.Complete(on, by, action, text);
    }

    private GovernanceEvent decide(JsonNode node, String path, LocalDate on, String by) {
        Terms.Kind kind = reader.oneOf(node, path, "kind", Terms.Kind.class, true);
        String body = reader.known(node, path, "body", bodies.keySet(), "a body");
        if (body != null && on != null && !meetingsHeld.contains(body + " " + on)) {
            reader.problem(FieldReader.path(path, "on"), body + " did not meet on " + on
                    + ": a decision is recorded at a meeting of its body (bodyMeetings)");
        }
        String item = reader.text(node, path, "item", true, LONG);
        String about = reader.text(node, path, "about", false);
        if (about != null && !indicators.contains(about) && !organisations.contains(about)) {
            reader.problem(FieldReader.path(path, "about"), "is not an indicator or an organisation of the book: \""
                    + about + "\"");
        }
        List<String> declared = node.has("declared") ? known(node, path, "declared", people, "a person") : List.of();
        Decision.Exempt exempt = reader.oneOf(node, path, "exempt", Decision.Exempt.class, false);
        List<String> common = List.of("id", "body", "kind", "item", "about", "declared", "exempt");
        if (kind == null) {
            return null;
        }
        Terms terms = switch (kind) {
            case ACTION -> {
                fields(node, path, common, "owner", "due", "criterion");
                String id = newId(node, path, "id", "an action");
                String owner = reader.known(node, path, "owner", people, "a person");
                LocalDate due = reader.date(node, path, "due", true);
                String criterion = text(node, path, "criterion", true);
                yield id == null || owner == null || due == null || criterion == null ? null
                        : new Terms.Action(owner, due, criterion);
            }
            case RECOMMENDATION -> {
                fields(node, path, common, "to", "text");
                String id = newId(node, path, "id", "a recommendation");
                String to = reader.known(node, path, "to", people, "a person");
                String text = text(node, path, "text", true);
                yield id == null || to == null || text == null ? null : new Terms.Recommendation(to, text);
            }
            case NOTED -> {
                fields(node, path, common, "reason");
                String reason = text(node, path, "reason", true);
                yield newId(node, path, "id", "a decision") == null || reason == null ? null : new Terms.Noted(reason);
            }
            case VARIATION -> {
                fields(node, path, common, "action", "due", "reason");
                String action = earlier(node, path, "action", "an action");
                LocalDate due = reader.date(node, path, "due", true);
                String reason = text(node, path, "reason", true);
                yield newId(node, path, "id", "a decision") == null || action == null || due == null || reason == null
                        ? null : new Terms.Variation(action, due, reason);
            }
            case DROP -> {
                fields(node, path, common, "action", "reason");
                String action = earlier(node, path, "action", "an action");
                String reason = text(node, path, "reason", true);
                yield newId(node, path, "id", "a decision") == null || action == null || reason == null ? null
                        : new Terms.Drop(action, reason);
            }
            case REPORT -> report(node, path, common);
        };
        String id = node.path("id").asText();
        return on == null || by == null || body == null || item == null || declared == null || terms == null
                ? null : new GovernanceEvent.Decide(on, by, new DecisionRequest(id, body, item,
                Optional.ofNullable(about), declared, Optional.ofNullable(exempt), terms));
    }

    private Terms report(JsonNode node, String path, List<String> common) {
        fields(node, path, common, "review", "recommendations");
        String decision = newId(node, path, "id", "a decision");
        String review = earlier(node, path, "review", "a review");
        if (!node.has("recommendations")) {
            reader.problem(FieldReader.path(path, "recommendations"), "is required (it may be empty)");
        }
        List<Terms.ReportRecommendation> recommendations = reader.objects(node, path, "recommendations",
                (r, rPath) -> {
                    reader.onlyFields(r, rPath, "id", "finding", "to", "text");
                    String finding = reader.known(r, rPath, "finding", madeAs("a finding"),
                            "a finding made by an earlier event");
                    String to = reader.known(r, rPath, "to", people, "a person");
                    String text = text(r, rPath, "text", true);
                    String id = newId(r, rPath, "id", "a recommendation");
                    return id == null || finding == null || to == null || text == null ? null
                            : new Terms.ReportRecommendation(id, finding, to, text);
                });
        return decision == null || review == null || recommendations.contains(null) ? null
                : new Terms.Report(review, recommendations);
    }

    private GovernanceEvent respond(JsonNode node, String path, LocalDate on, String by) {
        fields(node, path, "recommendation", "answer", "reason", "actions");
        String recommendation = earlier(node, path, "recommendation", "a recommendation");
        RecommendationRecord.Answer answer = reader.oneOf(node, path, "answer", RecommendationRecord.Answer.class,
                true);
        String reason = node.has("reason") ? text(node, path, "reason", false) : "";
        List<GovernanceService.NewAction> actions = reader.objects(node, path, "actions", (a, aPath) -> {
            reader.onlyFields(a, aPath, "id", "due", "criterion");
            String id = newId(a, aPath, "id", "an action");
            LocalDate due = reader.date(a, aPath, "due", true);
            String criterion = text(a, aPath, "criterion", true);
            return id == null || due == null || criterion == null ? null
                    : new GovernanceService.NewAction(id, due, criterion);
        });
        return on == null || by == null || recommendation == null || answer == null || reason == null
                || actions.contains(null) ? null
                : new GovernanceEvent.Respond(on, by, recommendation, answer, reason, actions);
    }

    // ---- parts ----

    /** A text that must be present and may be empty (an empty one is refused by G12's reason when replayed). */
    private String text(JsonNode parent, String path, String field, boolean required) {
        JsonNode given = parent.get(field);
        if (given == null || given.isNull()) {
            if (required) {
                reader.problem(FieldReader.path(path, field), "is required (it may be empty)");
            }
            return null;
        }
        if (given.isTextual() && given.asText().isBlank()) {
            return "";
        }
        return reader.multilineText(parent, path, field, true, LONG);
    }

    /** A new id: unique in the whole book (G1), made by this event. */
    private String newId(JsonNode parent, String path, String field, String what) {
        String id = reader.id(parent, path, field, ID_PATTERN, ID_IN_WORDS, true);
        if (id == null || !claim(id, path, FieldReader.path(path, field))) {
            return null;
        }
        made.put(id, what);
        return id;
    }

    /** Claims an id for the thing at {@code where}; false (named at {@code field}) if something has it already. */
    private boolean claim(String id, String where, String field) {
        String first = idAt.putIfAbsent(id, where);
        if (first != null && !first.equals(where)) {
            reader.problem(field, "\"" + id + "\" is already the id of " + first + ": ids are unique in the whole book");
            return false;
        }
        return true;
    }

    /** An id an earlier event made as {@code what} (G1). */
    private String earlier(JsonNode parent, String path, String field, String what) {
        return reader.known(parent, path, field, madeAs(what), what + " made by an earlier event");
    }

    private Set<String> madeAs(String what) {
        Set<String> ids = new TreeSet<>();
        made.forEach((id, kind) -> {
            if (kind.equals(what)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** A list of ids each of which must be one of {@code ids}; null if any is not. */
    private List<String> known(JsonNode parent, String path, String field, Set<String> ids, String whatEachIs) {
        List<JsonNode> given = reader.array(parent, path, field, true);
        List<String> values = new ArrayList<>();
        boolean good = parent.has(field);
        for (int i = 0; i < given.size(); i++) {
            String elementPath = FieldReader.path(path, field) + "[" + i + "]";
            String id = reader.element(given.get(i), elementPath, whatEachIs);
            if (id != null && !ids.contains(id)) {
                reader.problem(elementPath, "is not " + whatEachIs + ": \"" + id + "\"");
                id = null;
            }
            good &= id != null;
            values.add(id);
        }
        return good ? values : null;
    }

    private void fields(JsonNode node, String path, String... own) {
        fields(node, path, List.of(), own);
    }

    private void fields(JsonNode node, String path, List<String> common, String... own) {
        List<String> all = new ArrayList<>(EVENT_FIELDS);
        all.addAll(common);
        all.addAll(List.of(own));
        reader.onlyFields(node, path, all.toArray(String[]::new));
    }

    private static Set<String> idsOf(JsonNode document, String field) {
        Set<String> ids = new TreeSet<>();
        document.path(field).forEach(item -> {
            if (item.path("id").isTextual()) {
                ids.add(item.path("id").asText());
            }
        });
        return ids;
    }
}
