package grants.core.evaluation;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What the evaluator sets up: a title, the questions and the closing date. Every problem is named by its field. */
public record SurveySetup(String title, LocalDate closingDate, List<Question> questions) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public SurveySetup {
        questions = List.copyOf(questions);
    }

    /** The survey as a draft, or every problem at once; {@code today} because a closing date must be to come. */
    Survey draft(String programmeId, Wave wave, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new Problem("title", "is required: the survey's name, as its emails say it"));
        }
        if (closingDate == null) {
            problems.add(new Problem("closingDate", "is required: the last day the survey may be answered"));
        } else if (closingDate.isBefore(today)) {
            problems.add(new Problem("closingDate", "must be today or later"));
        }
        if (questions.isEmpty()) {
            problems.add(new Problem("questions", "must have at least one question"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String at = "questions[" + i + "]";
            if (question.id() == null || !ID.matcher(question.id()).matches()) {
                problems.add(new Problem(at + ".id", "must be lower-case letters, digits and hyphens (at most 40)"));
            } else if (!ids.add(question.id())) {
                problems.add(new Problem(at + ".id", "is given twice: each question needs its own id"));
            }
            if (question.text() == null || question.text().isBlank()) {
                problems.add(new Problem(at + ".text", "is required: the question as it is asked"));
            }
            if (question.section() == null) {
                problems.add(new Problem(at + ".section", "is required: knowledge and understanding, perceived capacity or support received"));
            }
            if (question.kind() == null) {
                problems.add(new Problem(at + ".kind", "is required: a 1 to 5 scale, a number or text"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field() + " " + problems.get(0).problem(), problems);
        }
        return new Survey(programmeId, wave, title.strip(), questions, closingDate, SurveyState.DRAFT, 0);
    }
}
