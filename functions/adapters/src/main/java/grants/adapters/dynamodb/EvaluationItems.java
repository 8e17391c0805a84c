package grants.adapters.dynamodb;

import grants.core.evaluation.Invitation;
import grants.core.evaluation.InterviewNote;
import grants.core.evaluation.Question;
import grants.core.evaluation.QuestionKind;
import grants.core.evaluation.Recommendations;
import grants.core.evaluation.Section;
import grants.core.evaluation.Survey;
import grants.core.evaluation.SurveyAnswer;
import grants.core.evaluation.SurveyLink;
import grants.core.evaluation.SurveyState;
import grants.core.evaluation.Wave;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/** The evaluation's records to and from their items: days as ISO text, questions as a list of maps, answers as a map. */
final class EvaluationItems {

    static final int SCHEMA_VERSION = 1;
    static final String ANSWERED_ON = "answeredOn";

    private EvaluationItems() {
    }

    static Map<String, AttributeValue> survey(Survey survey) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(survey.programmeId()),
                Keys.surveyWave(survey.wave().name()), SCHEMA_VERSION);
        item.put("programmeId", s(survey.programmeId()));
        item.put("wave", s(survey.wave().name()));
        item.put("title", s(survey.title()));
        item.put("questions", AttributeValue.fromL(survey.questions().stream().map(question -> AttributeValue.fromM(Map.of(
                "id", s(question.id()), "section", s(question.section().name()), "kind", s(question.kind().name()),
                "text", s(question.text())))).toList()));
        item.put("closingDate", s(survey.closingDate().toString()));
        item.put("state", s(survey.state().name()));
        item.put("remindersSent", n(survey.remindersSent()));
        return item;
    }

    static Survey survey(Map<String, AttributeValue> item) {
        List<Question> questions = item.get("questions").l().stream().map(AttributeValue::m).map(q -> new Question(
                q.get("id").s(), Section.valueOf(q.get("section").s()), QuestionKind.valueOf(q.get("kind").s()),
                q.get("text").s())).toList();
        return new Survey(text(item, "programmeId"), Wave.valueOf(text(item, "wave")), text(item, "title"), questions,
                LocalDate.parse(text(item, "closingDate")), SurveyState.valueOf(text(item, "state")),
                (int) number(item, "remindersSent"));
    }

    static Map<String, AttributeValue> invitation(Invitation invitation) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(invitation.programmeId()),
                Keys.surveyInvitation(invitation.wave().name(), invitation.contactKey()), SCHEMA_VERSION);
        item.put("programmeId", s(invitation.programmeId()));
        item.put("wave", s(invitation.wave().name()));
        item.put("contactKey", s(invitation.contactKey()));
        item.put("partnershipId", s(invitation.partnershipId()));
        item.put("name", s(invitation.name()));
        item.put("email", s(invitation.email()));
        invitation.invitedOn().ifPresent(on -> item.put("invitedOn", s(on.toString())));
        invitation.answeredOn().ifPresent(on -> item.put(ANSWERED_ON, s(on.toString())));
        return item;
    }

    static Invitation invitation(Map<String, AttributeValue> item) {
        return new Invitation(text(item, "programmeId"), Wave.valueOf(text(item, "wave")), text(item, "contactKey"),
                text(item, "partnershipId"), text(item, "name"), text(item, "email"), day(item, "invitedOn"),
                day(item, ANSWERED_ON));
    }

    static Map<String, AttributeValue> link(SurveyLink link) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.surveyLink(link.tokenHash()), Keys.SURVEY_LINK_ITEM,
                SCHEMA_VERSION);
        item.put("programmeId", s(link.programmeId()));
        item.put("wave", s(link.wave().name()));
        item.put("contactKey", s(link.contactKey()));
        item.put("partnershipId", s(link.partnershipId()));
        item.put("lastDay", s(link.lastDay().toString()));
        return item;
    }

    static SurveyLink link(String tokenHash, Map<String, AttributeValue> item) {
        return new SurveyLink(tokenHash, text(item, "programmeId"), Wave.valueOf(text(item, "wave")),
                text(item, "contactKey"), text(item, "partnershipId"), LocalDate.parse(text(item, "lastDay")));
    }

    static Map<String, AttributeValue> reminder(Invitation invitation, int number, LocalDate on) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(invitation.programmeId()),
                Keys.surveyReminder(invitation.wave().name(), invitation.contactKey(), number), SCHEMA_VERSION);
        item.put("partnershipId", s(invitation.partnershipId()));
        item.put("number", n(number));
        item.put("sentOn", s(on.toString()));
        return item;
    }

    static Map<String, AttributeValue> answer(SurveyAnswer answer) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(answer.programmeId()),
                Keys.surveyAnswer(answer.wave().name(), answer.contactKey()), SCHEMA_VERSION);
        item.put("programmeId", s(answer.programmeId()));
        item.put("wave", s(answer.wave().name()));
        item.put("contactKey", s(answer.contactKey()));
        item.put("partnershipId", s(answer.partnershipId()));
        item.put("on", s(answer.on().toString()));
        Map<String, AttributeValue> values = new HashMap<>();
        answer.values().forEach((question, value) -> values.put(question, s(value)));
        item.put("values", AttributeValue.fromM(values));
        return item;
    }

    static SurveyAnswer answer(Map<String, AttributeValue> item) {
        Map<String, String> values = new TreeMap<>();
        item.get("values").m().forEach((question, value) -> values.put(question, value.s()));
        return new SurveyAnswer(text(item, "programmeId"), Wave.valueOf(text(item, "wave")), text(item, "contactKey"),
                text(item, "partnershipId"), LocalDate.parse(text(item, "on")), values);
    }

    static Map<String, AttributeValue> interview(InterviewNote note) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(note.programmeId()),
                Keys.interview(note.interviewId()), SCHEMA_VERSION);
        item.put("programmeId", s(note.programmeId()));
        item.put("interviewId", s(note.interviewId()));
        item.put("partnershipId", s(note.partnershipId()));
        item.put("on", s(note.on().toString()));
        item.put("interviewee", s(note.interviewee()));
        item.put("notes", s(note.notes()));
        item.put("recordedBy", s(note.recordedBy()));
        return item;
    }

    static InterviewNote interview(Map<String, AttributeValue> item) {
        return new InterviewNote(text(item, "programmeId"), text(item, "interviewId"), text(item, "partnershipId"),
                LocalDate.parse(text(item, "on")), text(item, "interviewee"), text(item, "notes"), text(item, "recordedBy"));
    }

    static Map<String, AttributeValue> recommendations(Recommendations recommendations) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.survey(recommendations.programmeId()),
                Keys.RECOMMENDATIONS_ITEM, SCHEMA_VERSION);
        item.put("programmeId", s(recommendations.programmeId()));
        item.put("text", s(recommendations.text()));
        item.put("recordedBy", s(recommendations.recordedBy()));
        item.put("recordedAt", s(recommendations.recordedAt().toString()));
        return item;
    }

    static Recommendations recommendations(Map<String, AttributeValue> item) {
        return new Recommendations(text(item, "programmeId"), text(item, "text"), text(item, "recordedBy"),
                Instant.parse(text(item, "recordedAt")));
    }

    private static Optional<LocalDate> day(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(text(item, name)).map(LocalDate::parse);
    }
}
