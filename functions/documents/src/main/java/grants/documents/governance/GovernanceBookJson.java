package grants.documents.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.governance.Body;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.documents.FieldReader;
import grants.documents.monitoring.MonitoringFields;
import grants.documents.reporting.RegisterBook;
import grants.documents.reporting.RegisterBookJson;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    private static final List<String> OWN_FIELDS = List.of("settings", "bankHolidays", "sweepOutages", "bodies",
            "bodyMeetings", "events", "asOf");

    private final FieldReader reader = new FieldReader();
    private final MonitoringFields sameAsMonitoring = new MonitoringFields(reader);
    private final BookIds ids = new BookIds(reader);

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
                    ids.given(items.get(i).path("id").asText(), list + "[" + i + "]");
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
        List<GovernanceEvent> events = new GovernanceEventsJson(reader, ids, people, indicators, organisations, bodies,
                meetingsHeld).events(document, asOf);
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
                        "organisation", BookIds.PATTERN, BookIds.IN_WORDS, false)));
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
            if (body != null && ids.claim(body.id(), "bodies[" + i + "]", "bodies[" + i + "].id")) {
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
        String id = reader.id(node, path, "id", BookIds.PATTERN, BookIds.IN_WORDS, true);
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
            List<String> present = ids.known(node, path, "present", people, "a person");
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
