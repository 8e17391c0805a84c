package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.FieldReader;
import grants.documents.Json;
import grants.http.HttpRequests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Monitoring's request bodies, each read whole: every problem named by its field, nothing changed. */
final class MonitoringRequests {

    /** What a reviewer may ask to be fixed, as the return form's sections are called. */
    static final List<String> SECTIONS = List.of("outputs", "achieved", "next");

    /**
     * A return as a lead contact submits it (or saves it as a draft): each measure's whole number, what was
     * achieved, what is next, and evidence for milestones by their key ({@code m1}).
     */
    record Submitted(Map<String, Long> outputs, String achieved, String next, Map<String, String> milestoneEvidence) {
    }

    /** A due date moved, with the reason. */
    record Varied(LocalDate to, String reason) {
    }

    /** The officer a manager names: their person id and the address their reminders go to. */
    record Officer(String personId, String email) {
    }

    private MonitoringRequests() {
    }

    /** The body; none at all reads as {} (an acceptance needs nothing more). */
    static JsonNode bodyOf(APIGatewayV2HTTPEvent request) {
        return request.getBody() == null || request.getBody().isBlank() ? Json.object() : HttpRequests.body(request);
    }

    /** {@code complete}: a submission needs its words; a draft may leave anything out (kept as ""). */
    static Submitted submission(JsonNode body, boolean complete) {
        FieldReader reader = objectReader(body, "outputs", "achieved", "next", "milestoneEvidence");
        Map<String, Long> outputs = byName(reader, body, "outputs", "each measure to a whole number", (path, value) -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                reader.problem(path, "must be a whole number, 0 or more, got " + value);
                return null;
            }
            return value.longValue();
        });
        String achieved = words(reader, body, "achieved", complete);
        String next = words(reader, body, "next", complete);
        Map<String, String> evidence = byName(reader, body, "milestoneEvidence", "each milestone's key to its evidence",
                (path, value) -> reader.multilineText(body.get("milestoneEvidence"), "milestoneEvidence",
                        path.substring("milestoneEvidence.".length()), true, FieldReader.MAX_LONG_TEXT));
        refuseIfAny(reader);
        return new Submitted(outputs, achieved == null ? "" : achieved, next == null ? "" : next, evidence);
    }

    /**
     * An optional object of named values ({@code field.name} in any problem): each read by {@code read},
     * which names its own problem and answers null for a value it refuses.
     */
    private static <T> Map<String, T> byName(FieldReader reader, JsonNode body, String field, String fromTo,
                                             BiFunction<String, JsonNode, T> read) {
        Map<String, T> values = new TreeMap<>();
        JsonNode given = body.get(field);
        if (given != null && !given.isNull() && !given.isObject()) {
            reader.problem(field, "must be an object from " + fromTo);
        } else if (given != null) {
            given.fields().forEachRemaining(named -> {
                T value = read.apply(field + "." + named.getKey(), named.getValue());
                if (value != null) {
                    values.put(named.getKey(), value);
                }
            });
        }
        return values;
    }

    /** A return's words: required in a submission; in a draft a box left empty is kept empty. */
    private static String words(FieldReader reader, JsonNode body, String field, boolean complete) {
        JsonNode given = body.get(field);
        if (!complete && given != null && given.isTextual() && given.asText().isBlank()) {
            return "";
        }
        return reader.multilineText(body, "", field, complete, FieldReader.MAX_LONG_TEXT);
    }

    /** A send-back: what to fix in words, and optionally which sections, said first ("Fix: outputs, next. ..."). */
    static String whatToFix(JsonNode body) {
        FieldReader reader = objectReader(body, "reason", "sections");
        String reason = reader.multilineText(body, "", "reason", true, FieldReader.MAX_LONG_TEXT);
        List<String> sections = new ArrayList<>();
        List<JsonNode> given = reader.array(body, "", "sections", false);
        for (int i = 0; i < given.size(); i++) {
            String section = given.get(i).asText();
            if (!given.get(i).isTextual() || !SECTIONS.contains(section)) {
                reader.problem("sections[" + i + "]", "must be one of " + SECTIONS);
            } else if (!sections.contains(section)) {
                sections.add(section);
            }
        }
        refuseIfAny(reader);
        return sections.isEmpty() ? reason : "Fix: " + String.join(", ", sections) + ". " + reason;
    }

    static String reason(JsonNode body) {
        return oneText(body, "reason");
    }

    static String evidence(JsonNode body) {
        return oneText(body, "evidence");
    }

    static Varied variation(JsonNode body) {
        FieldReader reader = objectReader(body, "to", "reason");
        LocalDate day = reader.date(body, "", "to", true);
        String reason = reader.multilineText(body, "", "reason", true, FieldReader.MAX_LONG_TEXT);
        refuseIfAny(reader);
        return new Varied(day, reason);
    }

    /** Both fields required; whether the address is one the use case checks. */
    static Officer officer(JsonNode body) {
        FieldReader reader = objectReader(body, "personId", "email");
        String personId = reader.text(body, "", "personId", true);
        String email = reader.text(body, "", "email", true);
        refuseIfAny(reader);
        return new Officer(personId, email);
    }

    /** A body with nothing to say: {} or none; any field is refused, naming it. */
    static void nothing(JsonNode body) {
        refuseIfAny(objectReader(body));
    }

    private static String oneText(JsonNode body, String field) {
        FieldReader reader = objectReader(body, field);
        String text = reader.multilineText(body, "", field, true, FieldReader.MAX_LONG_TEXT);
        refuseIfAny(reader);
        return text;
    }

    private static FieldReader objectReader(JsonNode body, String... fields) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(body, "body")) {
            refuseIfAny(reader);
        }
        reader.onlyFields(body, "", fields);
        return reader;
    }

    private static void refuseIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was changed");
    }
}
