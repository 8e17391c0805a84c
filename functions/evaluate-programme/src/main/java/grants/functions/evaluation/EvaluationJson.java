package grants.functions.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.evaluation.EvaluationReport;
import grants.core.evaluation.Invitation;
import grants.core.evaluation.InterviewNote;
import grants.core.evaluation.Question;
import grants.core.evaluation.Ratio;
import grants.core.evaluation.Recommendations;
import grants.core.evaluation.Section;
import grants.core.evaluation.Survey;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.SurveyState;
import grants.core.money.Days;
import grants.core.text.InWords;
import grants.documents.Json;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The evaluation's API representation: codes for programs, and words for people beside them. */
final class EvaluationJson {

    private EvaluationJson() {
    }

    static JsonNode surveys(List<Survey> surveys, LocalDate today) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("surveys");
        surveys.forEach(survey -> list.add(summary(survey, today)));
        return body;
    }

    static ObjectNode survey(Survey survey, List<Invitation> invitations, LocalDate today) {
        ObjectNode body = summary(survey, today);
        body.put("invited", invitations.stream().filter(i -> i.invitedOn().isPresent()).count());
        body.put("answered", invitations.stream().filter(Invitation::isAnswered).count());
        ArrayNode questions = body.putArray("questions");
        survey.questions().forEach(question -> questions.add(question(question)));
        return body;
    }

    private static ObjectNode summary(Survey survey, LocalDate today) {
        ObjectNode body = Json.object();
        body.put("programmeId", survey.programmeId());
        body.put("wave", survey.wave().name().toLowerCase(Locale.ROOT));
        body.put("waveInWords", capitalised(survey.wave().words()));
        body.put("title", survey.title());
        body.put("closingDate", survey.closingDate().toString());
        body.put("closingDateInWords", InWords.date(survey.closingDate()));
        body.put("stateInWords", survey.state() == SurveyState.DRAFT ? "Draft"
                : survey.isOpenOn(today) ? "Open" : "Closed");
        body.put("remindersSent", survey.remindersSent());
        body.put("remindersLeft", Math.max(0, Survey.REMINDERS - survey.remindersSent()));
        return body;
    }

    private static ObjectNode question(Question question) {
        ObjectNode body = Json.object();
        body.put("id", question.id());
        body.put("section", question.section().name());
        body.put("sectionInWords", question.section().title());
        body.put("kind", question.kind().name());
        body.put("text", question.text());
        return body;
    }

    /** What a contact sees through their link: the survey's questions by section, and nothing of anyone. */
    static JsonNode questions(Survey survey) {
        ObjectNode body = Json.object();
        body.put("title", survey.title());
        body.put("waveInWords", capitalised(survey.wave().words()));
        body.put("closingDateInWords", InWords.date(survey.closingDate()));
        ArrayNode sections = body.putArray("sections");
        for (Section section : Section.values()) {
            List<Question> asked = survey.questions().stream().filter(q -> q.section() == section).toList();
            if (asked.isEmpty()) {
                continue;
            }
            ObjectNode part = sections.addObject();
            part.put("title", section.title());
            ArrayNode questions = part.putArray("questions");
            asked.forEach(question -> questions.add(question(question)));
        }
        return body;
    }

    static JsonNode answered(Survey survey) {
        ObjectNode body = Json.object();
        body.put("title", survey.title());
        body.put("answered", true);
        return body;
    }

    static JsonNode sent(SurveyService.Sent sent) {
        ObjectNode body = Json.object();
        body.put("emailed", sent.emailed());
        body.put("suppressed", sent.suppressed());
        return body;
    }

    static JsonNode interview(InterviewNote note) {
        ObjectNode body = Json.object();
        body.put("interviewId", note.interviewId());
        body.put("partnershipId", note.partnershipId());
        body.put("on", note.on().toString());
        body.put("onInWords", InWords.date(note.on()));
        body.put("interviewee", note.interviewee());
        body.put("notes", note.notes());
        body.put("recordedBy", note.recordedBy());
        return body;
    }

    static JsonNode interviews(List<InterviewNote> notes) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("interviews");
        notes.forEach(note -> list.add(interview(note)));
        return body;
    }

    static JsonNode recommendations(Recommendations recommendations) {
        ObjectNode body = Json.object();
        body.put("text", recommendations.text());
        body.put("recordedBy", recommendations.recordedBy());
        body.put("recordedAtInWords", InWords.dateTime(recommendations.recordedAt()));
        return body;
    }

    static JsonNode report(EvaluationReport report) {
        ObjectNode body = Json.object();
        body.put("programmeId", report.programmeId());
        ObjectNode overall = body.putObject("responseRates");
        overall.set("baseline", rate(report.baselineOverall()));
        overall.set("end", rate(report.endOverall()));
        ArrayNode partnerships = body.putArray("partnerships");
        report.responses().forEach(response -> {
            ObjectNode line = partnerships.addObject();
            line.put("partnershipId", response.partnershipId());
            line.put("name", response.name());
            line.put("tier", response.tier());
            line.put("locality", response.locality());
            line.set("baseline", rate(response.baseline()));
            line.set("end", rate(response.end()));
        });
        ArrayNode questions = body.putArray("questions");
        report.questions().forEach(paired -> {
            ObjectNode line = question(paired.question());
            line.set("overall", comparison(paired.overall()));
            ArrayNode byTier = line.putArray("byTier");
            paired.byTier().forEach(group -> byTier.add(comparison(group)));
            ArrayNode byLocality = line.putArray("byLocality");
            paired.byLocality().forEach(group -> byLocality.add(comparison(group)));
            questions.add(line);
        });
        ArrayNode support = body.putArray("support");
        report.support().forEach(line -> {
            ObjectNode row = support.addObject();
            row.put("partnershipId", line.partnershipId());
            row.put("name", line.name());
            row.put("daysDelivered", Days.format(line.halfDaysDelivered()));
            row.put("eventsAttended", line.eventsAttended());
            row.put("eventsAttendedInWords", Integer.toString(line.eventsAttended()));
            row.put("answeredBothWaves", line.answeredBothWaves());
        });
        ArrayNode interviews = body.putArray("interviews");
        report.interviews().forEach(note -> interviews.add(interview(note)));
        report.recommendations().ifPresentOrElse(r -> body.set("recommendations", recommendations(r)),
                () -> body.putNull("recommendations"));
        return body;
    }

    private static ObjectNode rate(EvaluationReport.Rate rate) {
        ObjectNode body = Json.object();
        body.put("answered", rate.answered());
        body.put("invited", rate.invited());
        body.put("inWords", rate.words());
        return body;
    }

    private static ObjectNode comparison(EvaluationReport.Comparison comparison) {
        ObjectNode body = Json.object();
        body.put("group", comparison.group());
        body.put("partnerships", comparison.partnerships());
        body.set("baseline", ratio(comparison.baseline()));
        body.set("end", ratio(comparison.end()));
        body.set("change", ratio(comparison.change()));
        return body;
    }

    /** Exactly ("7/2") and to two places ("3.50"), both as text: the browser never computes a figure. */
    private static ObjectNode ratio(Ratio ratio) {
        ObjectNode body = Json.object();
        body.put("exact", ratio.exact());
        body.put("decimal", ratio.decimal());
        return body;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
