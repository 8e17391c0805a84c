package grants.core.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A programme's survey of one wave: its questions in the seed's three sections and the last day it
 * may be answered. Whether it is closed is never stored: it is computed from the closing date.
 */
public record Survey(String programmeId, Wave wave, String title, List<Question> questions, LocalDate closingDate,
                     SurveyState state, int remindersSent) {

    /** The seed asks for two reminders to those who have not answered, and no more. */
    public static final int REMINDERS = 2;

    public Survey {
        questions = List.copyOf(questions);
    }

    /** Open to answers on {@code today}: opened, and its closing date not yet passed. */
    public boolean isOpenOn(LocalDate today) {
        return state == SurveyState.OPEN && !today.isAfter(closingDate);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(question -> question.id().equals(id)).findFirst();
    }

    public Survey opened() {
        return new Survey(programmeId, wave, title, questions, closingDate, SurveyState.OPEN, remindersSent);
    }

    public Survey reminded() {
        return new Survey(programmeId, wave, title, questions, closingDate, state, remindersSent + 1);
    }
}
