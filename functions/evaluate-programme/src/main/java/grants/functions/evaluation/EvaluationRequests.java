package grants.functions.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.evaluation.Question;
import grants.core.evaluation.QuestionKind;
import grants.core.evaluation.Section;
import grants.core.evaluation.SurveySetup;
import grants.core.evaluation.Wave;
import grants.core.errors.NotFoundException;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's request bodies, each read whole: every unknown, missing or malformed field named, nothing changed. */
final class EvaluationRequests {

    /** A telephone interview's notes. */
    record Interview(String partnershipId, LocalDate on, String interviewee, String notes) {
    }

    private EvaluationRequests() {
    }

    /** {@code baseline} or {@code end} in a path; anything else is no survey. */
    static Wave wave(String path) {
        for (Wave wave : Wave.values()) {
            if (wave.name().toLowerCase(Locale.ROOT).equals(path)) {
                return wave;
            }
        }
        throw new NotFoundException("There is no survey wave \"" + path + "\": it is baseline or end.");
    }

    static SurveySetup setup(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "title", "closingDate", "questions");
        String title = reader.text(json, "", "title", false);
        LocalDate closingDate = reader.date(json, "", "closingDate", true);
        List<Question> questions = new ArrayList<>();
        JsonNode given = json == null ? null : json.get("questions");
        if (given == null || !given.isArray()) {
            reader.problem("questions", "must be a list of questions, each with its id, section, kind and text");
        } else {
            for (int i = 0; i < given.size(); i++) {
                String at = "questions[" + i + "]";
                JsonNode question = given.get(i);
                reader.onlyFields(question, at, "id", "section", "kind", "text");
                questions.add(new Question(reader.text(question, at, "id", false),
                        reader.oneOf(question, at, "section", Section.class, false),
                        reader.oneOf(question, at, "kind", QuestionKind.class, false),
                        reader.text(question, at, "text", false, FieldReader.MAX_LONG_TEXT)));
            }
        }
        refuseIfAny(reader);
        return new SurveySetup(title, closingDate, questions);
    }

    /** {@code {"answers": {"question-id": "4", ...}}}: each value as typed; the use case checks each against its question. */
    static Map<String, String> answers(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "answers");
        JsonNode given = json == null ? null : json.get("answers");
        Map<String, String> answers = new LinkedHashMap<>();
        if (given == null || !given.isObject()) {
            reader.problem("answers", "must be the answers, by question");
        } else {
            given.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() || field.getValue().isNumber()) {
                    answers.put(field.getKey(), field.getValue().asText());
                } else if (!field.getValue().isNull()) {
                    reader.problem(field.getKey(), "must be written as text");
                }
            });
        }
        refuseIfAny(reader);
        return answers;
    }

    static Interview interview(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "partnershipId", "on", "interviewee", "notes");
        String partnershipId = reader.text(json, "", "partnershipId", false);
        LocalDate on = reader.date(json, "", "on", false);
        String interviewee = reader.text(json, "", "interviewee", false);
        String notes = reader.multilineText(json, "", "notes", false, FieldReader.MAX_MARKDOWN);
        refuseIfAny(reader);
        return new Interview(partnershipId, on, interviewee, notes);
    }

    static String recommendations(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "text");
        String text = reader.multilineText(json, "", "text", false, FieldReader.MAX_MARKDOWN);
        refuseIfAny(reader);
        return text;
    }

    private static void refuseIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was changed");
    }
}
