package grants.functions.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.assessment.Answer;
import grants.core.assessment.Assessment;
import grants.core.assessment.CompetencyFramework;
import grants.core.assessment.Domain;
import grants.core.assessment.Domains;
import grants.core.assessment.Kind;
import grants.core.assessment.Mean;
import grants.core.assessment.Profile;
import grants.core.assessment.RegionalTable;
import grants.core.assessment.Signature;
import grants.core.assessment.Statement;
import grants.core.assessment.Wave;
import grants.documents.FieldReader;
import grants.documents.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frameworks, assessments, profiles and the regional table as the API represents them; request bodies
 * read with every problem of their shape named by its field (what the answers mean, the core checks).
 */
final class AssessmentJson {

    private AssessmentJson() {
    }

    /** The whole shape of an assessment a representative sends. */
    record AssessmentRequest(Wave wave, Kind kind, List<Answer> answers) {
    }

    static List<Domain> readFramework(JsonNode body) {
        FieldReader reader = objectReader(body, "domains");
        List<Domain> domains = reader.objects(body, "", "domains", (node, path) -> {
            reader.onlyFields(node, path, "id", "title", "statements", "specialisms", "workshopTopics");
            List<Statement> statements = reader.objects(node, path, "statements", (statement, at) -> {
                reader.onlyFields(statement, at, "id", "text");
                return new Statement(reader.text(statement, at, "id", true), reader.text(statement, at, "text", true, 500));
            });
            return new Domain(reader.text(node, path, "id", true), reader.text(node, path, "title", true),
                    statements.stream().filter(java.util.Objects::nonNull).toList(), strings(reader, node, path, "specialisms"),
                    strings(reader, node, path, "workshopTopics"));
        });
        reader.refuseIfAny("competency framework", "nothing was changed");
        return domains;
    }

    static AssessmentRequest readAssessment(JsonNode body) {
        FieldReader reader = objectReader(body, "wave", "kind", "answers");
        Wave wave = reader.oneOf(body, "", "wave", Wave.class, true);
        Kind kind = reader.oneOf(body, "", "kind", Kind.class, true);
        List<Answer> answers = reader.objects(body, "", "answers", (node, path) -> {
            reader.onlyFields(node, path, "statement", "score", "evidence");
            JsonNode score = node.path("score");
            JsonNode evidence = node.path("evidence");
            // An unchosen score or empty evidence is left to the core, which names every such field at once.
            return new Answer(reader.text(node, path, "statement", true),
                    score.canConvertToInt() ? score.intValue() : score.asText().matches("[1-4]") ? Integer.parseInt(score.asText()) : 0,
                    evidence.isTextual() ? evidence.textValue() : "");
        });
        if (body.path("answers").isMissingNode()) {
            reader.problem("answers", "is required");
        }
        reader.refuseIfAny("assessment", "nothing was submitted");
        return new AssessmentRequest(wave, kind, answers);
    }

    private static List<String> strings(FieldReader reader, JsonNode node, String path, String field) {
        List<String> values = new ArrayList<>();
        List<JsonNode> nodes = reader.array(node, path, field, false);
        for (int i = 0; i < nodes.size(); i++) {
            String value = reader.element(nodes.get(i), FieldReader.path(path, field) + "[" + i + "]", "a non-empty string");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static FieldReader objectReader(JsonNode body, String... fields) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(body, "body")) {
            reader.refuseIfAny("request", "nothing was written");
        }
        reader.onlyFields(body, "", fields);
        return reader;
    }

    static ObjectNode framework(CompetencyFramework framework) {
        ObjectNode node = Json.object().put("programmeId", framework.programmeId()).put("version", framework.version())
                .put("setBy", framework.setBy()).put("setAt", framework.setAt().toString());
        ArrayNode domains = node.putArray("domains");
        for (Domain domain : framework.domains()) {
            ObjectNode entry = domains.addObject().put("id", domain.id()).put("title", domain.title())
                    .put("words", Domains.words(domain.id()));
            ArrayNode statements = entry.putArray("statements");
            domain.statements().forEach(s -> statements.addObject().put("id", s.id()).put("text", s.text()));
            domain.specialisms().forEach(entry.putArray("specialisms")::add);
            domain.workshopTopics().forEach(entry.putArray("workshopTopics")::add);
        }
        return node;
    }

    static ObjectNode assessment(Assessment assessment) {
        ObjectNode node = Json.object().put("assessmentId", assessment.id()).put("programmeId", assessment.programmeId())
                .put("partnershipId", assessment.partnershipId()).put("frameworkVersion", assessment.frameworkVersion())
                .put("wave", assessment.wave().name()).put("kind", assessment.kind().name())
                .put("status", assessment.status().name()).put("submittedBy", assessment.submittedBy())
                .put("submittedAt", assessment.submittedAt().toString());
        ArrayNode answers = node.putArray("answers");
        assessment.answers().forEach(answer -> answers.addObject().put("statement", answer.statementId())
                .put("score", answer.score()).put("evidence", answer.evidence()));
        signature(node, "confirmed", assessment.confirmed());
        signature(node, "coSigned", assessment.coSigned());
        return node;
    }

    private static void signature(ObjectNode node, String which, Optional<Signature> signature) {
        signature.ifPresent(s -> node.putObject(which).put("by", s.by()).put("at", s.at().toString()));
    }

    /** The partnership's assessments, and whether the caller may confirm them (the console's button). */
    static ObjectNode assessments(List<Assessment> assessments, boolean mayConfirm) {
        ObjectNode node = Json.object().put("mayConfirm", mayConfirm);
        ArrayNode list = node.putArray("assessments");
        assessments.forEach(assessment -> list.add(assessment(assessment)));
        return node;
    }

    static ObjectNode profile(Profile profile) {
        ObjectNode node = Json.object().put("partnershipId", profile.partnership().id())
                .put("name", profile.partnership().name());
        profile.baseline().ifPresent(a -> node.put("baselineAssessment", a.id()));
        profile.end().ifPresent(a -> node.put("endAssessment", a.id()));
        ArrayNode domains = node.putArray("domains");
        profile.domains().forEach(scores -> {
            ObjectNode entry = domains.addObject().put("id", scores.domain().id()).put("title", scores.domain().title());
            score(entry, "baseline", scores.baseline());
            score(entry, "end", scores.end());
        });
        return node;
    }

    /** A score exactly: {"numerator": 7, "denominator": 3, "words": "2 1/3"}; absent where none counts yet. */
    private static void score(ObjectNode node, String field, Optional<Mean> mean) {
        mean.ifPresent(m -> node.putObject(field).put("numerator", m.total()).put("denominator", m.count())
                .put("words", m.words()));
    }

    static ObjectNode table(RegionalTable table) {
        ObjectNode node = Json.object().put("frameworkVersion", table.framework().version());
        ArrayNode domains = node.putArray("domains");
        table.framework().domains().forEach(domain -> {
            ObjectNode entry = domains.addObject().put("id", domain.id()).put("title", domain.title());
            table.regionalMean(domain.id()).ifPresent(mean -> entry.putObject("regionalMean").put("words", mean.words())
                    .put("chartValue", mean.twoPlaces()));
        });
        ArrayNode rows = node.putArray("partnerships");
        table.rows().forEach(row -> rows.add(profile(row)));
        table.warnings().forEach(node.putArray("warnings")::add);
        return node;
    }
}
