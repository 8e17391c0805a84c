package grants.documents.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code events} of a governance book, read strictly (governance-rules.md, "Event types" and "Bad input"):
 * each by its type's fields alone, in date order, none after {@code asOf}, each naming only what an earlier event
 * made, each new id unique in the whole book (G1). A text G12 has a reason for must be there and may be empty.
 */
final class GovernanceEventsJson {

    private static final int LONG = FieldReader.MAX_LONG_TEXT;
    private static final List<String> EVENT_FIELDS = List.of("on", "type", "by");

    private final FieldReader reader;
    private final BookIds ids;
    private final Set<String> people;
    private final Set<String> indicators;
    private final Set<String> organisations;
    private final Map<String, Body> bodies;
    /** The meetings held, as "{body} {date}". */
    private final Set<String> meetingsHeld;
    /** What earlier events made, by id: "an action", "a recommendation", "a review", "evidence", "a finding". */
    private final Map<String, String> made = new HashMap<>();

    GovernanceEventsJson(FieldReader reader, BookIds ids, Set<String> people, Set<String> indicators,
                         Set<String> organisations, Map<String, Body> bodies, Set<String> meetingsHeld) {
        this.reader = reader;
        this.ids = ids;
        this.people = people;
        this.indicators = indicators;
        this.organisations = organisations;
        this.bodies = bodies;
        this.meetingsHeld = meetingsHeld;
    }

    List<GovernanceEvent> events(JsonNode document, LocalDate asOf) {
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
                List<String> scoped = ids.known(node, path, "indicators", indicators, "an indicator");
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
                List<String> evidence = ids.known(node, path, "evidence", madeAs("evidence"), "evidence made by an"
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
        List<String> declared = node.has("declared") ? ids.known(node, path, "declared", people, "a person") : List.of();
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
        String id = reader.id(parent, path, field, BookIds.PATTERN, BookIds.IN_WORDS, true);
        if (id == null || !ids.claim(id, path, FieldReader.path(path, field))) {
            return null;
        }
        made.put(id, what);
        return id;
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

    private void fields(JsonNode node, String path, String... own) {
        fields(node, path, List.of(), own);
    }

    private void fields(JsonNode node, String path, List<String> common, String... own) {
        List<String> all = new ArrayList<>(EVENT_FIELDS);
        all.addAll(common);
        all.addAll(List.of(own));
        reader.onlyFields(node, path, all.toArray(String[]::new));
    }
}
