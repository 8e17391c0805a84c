package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import grants.documents.FieldReader;
import grants.documents.Json;
import grants.http.HttpRequests;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Governance's request bodies, each read whole: every unknown, missing or malformed field named, and
 * nothing changed. A text G12 has a reason for (a criterion, a note's or a drop's reason, a rejection's
 * reason, a completion's evidence) may be left out: the use case then refuses it with that reason.
 */
final class GovernanceRequests {

    private static final int LONG = FieldReader.MAX_LONG_TEXT;

    /** A recommendation's answer. */
    record Answer(RecommendationRecord.Answer answer, String reason, List<GovernanceService.NewAction> actions) {
    }

    /** A review scoped: its id, the theme group and the indicators. */
    record Scope(String id, String body, List<String> indicators) {
    }

    record Evidence(String id, ReviewRecord.EvidenceKind kind, String summary) {
    }

    record Finding(String id, String text, List<String> evidence) {
    }

    private GovernanceRequests() {
    }

    /** The body; none at all reads as {}. */
    static JsonNode bodyOf(APIGatewayV2HTTPEvent request) {
        return request.getBody() == null || request.getBody().isBlank() ? Json.object() : HttpRequests.body(request);
    }

    /** A day in the path, written YYYY-MM-DD. */
    static LocalDate day(APIGatewayV2HTTPEvent request, String parameter) {
        String date = HttpRequests.pathId(request, parameter);
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException notADay) {
            throw InvalidInputException.of(parameter, "in the path must be a real day written YYYY-MM-DD, got \""
                    + date + "\"");
        }
    }

    static Body body(String id, JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "name", "kind", "theme", "decisionMaking", "quorum", "members");
        String name = reader.text(json, "", "name", true);
        Body.Kind kind = reader.oneOf(json, "", "kind", Body.Kind.class, true);
        String theme = reader.text(json, "", "theme", false);
        JsonNode deciding = json.get("decisionMaking");
        if (deciding == null || !deciding.isBoolean()) {
            reader.problem("decisionMaking", "is required: true for a body that decides actions, false for an advisory one");
        }
        int quorum = wholeNumber(reader, json, "quorum");
        List<Body.Member> members = new ArrayList<>();
        List<JsonNode> given = reader.array(json, "", "members", true);
        for (int i = 0; i < given.size(); i++) {
            String path = "members[" + i + "]";
            JsonNode member = given.get(i);
            if (!reader.isObject(member, path)) {
                continue;
            }
            reader.onlyFields(member, path, "person", "role", "organisation");
            String person = reader.text(member, path, "person", true);
            Body.Role role = reader.oneOf(member, path, "role", Body.Role.class, true);
            String organisation = reader.text(member, path, "organisation", false);
            members.add(new Body.Member(person, role, Optional.ofNullable(organisation)));
        }
        refuseIfAny(reader);
        return new Body(id, name, kind, Optional.ofNullable(theme), deciding.booleanValue(), quorum, members);
    }

    /** Who was present: {@code {"present": [...]}}. */
    static List<String> present(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "present");
        List<String> present = strings(reader, json, "present", true, "a person's id");
        refuseIfAny(reader);
        return present;
    }

    static DecisionRequest decision(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "id", "body", "item", "about", "declared", "exempt", "terms");
        String id = reader.text(json, "", "id", true);
        String body = reader.text(json, "", "body", true);
        String item = reader.text(json, "", "item", true, LONG);
        String about = reader.text(json, "", "about", false);
        List<String> declared = strings(reader, json, "declared", false, "a member's id");
        Decision.Exempt exempt = reader.oneOf(json, "", "exempt", Decision.Exempt.class, false);
        Terms terms = reader.isObject(json.get("terms"), "terms") ? terms(reader, json.get("terms")) : null;
        refuseIfAny(reader);
        return new DecisionRequest(id, body, item, Optional.ofNullable(about), declared, Optional.ofNullable(exempt),
                terms);
    }

    /** A decision's terms: {@code kind} and that kind's fields alone. */
    private static Terms terms(FieldReader reader, JsonNode json) {
        Terms.Kind kind = reader.oneOf(json, "terms", "kind", Terms.Kind.class, true);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case ACTION -> {
                reader.onlyFields(json, "terms", "kind", "owner", "due", "criterion");
                yield new Terms.Action(reader.text(json, "terms", "owner", true),
                        reader.date(json, "terms", "due", true), orEmpty(reader.text(json, "terms", "criterion",
                        false, LONG)));
            }
            case RECOMMENDATION -> {
                reader.onlyFields(json, "terms", "kind", "to", "text");
                yield new Terms.Recommendation(reader.text(json, "terms", "to", true),
                        reader.multilineText(json, "terms", "text", true, LONG));
            }
            case NOTED -> {
                reader.onlyFields(json, "terms", "kind", "reason");
                yield new Terms.Noted(reason(reader, json));
            }
            case VARIATION -> {
                reader.onlyFields(json, "terms", "kind", "action", "due", "reason");
                yield new Terms.Variation(reader.text(json, "terms", "action", true),
                        reader.date(json, "terms", "due", true), reason(reader, json));
            }
            case DROP -> {
                reader.onlyFields(json, "terms", "kind", "action", "reason");
                yield new Terms.Drop(reader.text(json, "terms", "action", true), reason(reader, json));
            }
            case REPORT -> {
                reader.onlyFields(json, "terms", "kind", "review", "recommendations");
                String review = reader.text(json, "terms", "review", true);
                List<Terms.ReportRecommendation> recommendations = new ArrayList<>();
                List<JsonNode> given = reader.array(json, "terms", "recommendations", false);
                for (int i = 0; i < given.size(); i++) {
                    String path = "terms.recommendations[" + i + "]";
                    JsonNode r = given.get(i);
                    if (reader.isObject(r, path)) {
                        reader.onlyFields(r, path, "id", "finding", "to", "text");
                        recommendations.add(new Terms.ReportRecommendation(reader.text(r, path, "id", true),
                                reader.text(r, path, "finding", true), reader.text(r, path, "to", true),
                                reader.multilineText(r, path, "text", true, LONG)));
                    }
                }
                yield new Terms.Report(review, recommendations);
            }
        };
    }

    /** An update's words: {@code {"text"}}. */
    static String update(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "text");
        String text = reader.multilineText(json, "", "text", true, LONG);
        refuseIfAny(reader);
        return text;
    }

    /** What shows an action is done: {@code {"evidence"}} (none is refused NO_EVIDENCE by the rules). */
    static String completion(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "evidence");
        String evidence = orEmpty(reader.multilineText(json, "", "evidence", false, LONG));
        refuseIfAny(reader);
        return evidence;
    }

    static Answer answer(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "answer", "reason", "actions");
        RecommendationRecord.Answer answer = reader.oneOf(json, "", "answer", RecommendationRecord.Answer.class, true);
        String reason = orEmpty(reader.multilineText(json, "", "reason", false, LONG));
        List<GovernanceService.NewAction> actions = new ArrayList<>();
        List<JsonNode> given = reader.array(json, "", "actions", false);
        for (int i = 0; i < given.size(); i++) {
            String path = "actions[" + i + "]";
            JsonNode action = given.get(i);
            if (reader.isObject(action, path)) {
                reader.onlyFields(action, path, "id", "due", "criterion");
                actions.add(new GovernanceService.NewAction(reader.text(action, path, "id", true),
                        reader.date(action, path, "due", true),
                        orEmpty(reader.text(action, path, "criterion", false, LONG))));
            }
        }
        refuseIfAny(reader);
        return new Answer(answer, reason, actions);
    }

    static Scope scope(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "id", "body", "indicators");
        String id = reader.text(json, "", "id", true);
        String body = reader.text(json, "", "body", true);
        List<String> indicators = strings(reader, json, "indicators", true, "an indicator's id");
        refuseIfAny(reader);
        return new Scope(id, body, indicators);
    }

    static Evidence evidence(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "id", "kind", "summary");
        String id = reader.text(json, "", "id", true);
        ReviewRecord.EvidenceKind kind = reader.oneOf(json, "", "kind", ReviewRecord.EvidenceKind.class, true);
        String summary = reader.multilineText(json, "", "summary", true, LONG);
        refuseIfAny(reader);
        return new Evidence(id, kind, summary);
    }

    static Finding finding(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "id", "text", "evidence");
        String id = reader.text(json, "", "id", true);
        String text = reader.multilineText(json, "", "text", true, LONG);
        List<String> evidence = strings(reader, json, "evidence", false, "an evidence id of the review");
        refuseIfAny(reader);
        return new Finding(id, text, evidence);
    }

    /** The members who would declare an interest, and what the item is about: the quorum preview's query. */
    static List<String> declaredIn(APIGatewayV2HTTPEvent request) {
        return HttpRequests.query(request, "declared").stream().flatMap(list -> List.of(list.split(",")).stream())
                .map(String::trim).filter(person -> !person.isEmpty()).toList();
    }

    // ---- parts ----

    private static String reason(FieldReader reader, JsonNode terms) {
        return orEmpty(reader.multilineText(terms, "terms", "reason", false, LONG));
    }

    private static String orEmpty(String text) {
        return Objects.requireNonNullElse(text, "");
    }

    private static List<String> strings(FieldReader reader, JsonNode json, String field, boolean required,
                                        String whatEachIs) {
        List<JsonNode> given = reader.array(json, "", field, required);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            values.add(reader.element(given.get(i), field + "[" + i + "]", whatEachIs));
        }
        return values;
    }

    private static int wholeNumber(FieldReader reader, JsonNode json, String field) {
        JsonNode given = json.get(field);
        if (given == null || !given.isIntegralNumber() || !given.canConvertToInt()) {
            reader.problem(field, "is required: a whole number");
            return 0;
        }
        return given.intValue();
    }

    private static void refuseIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was changed");
    }
}
