package grants.core.evaluation;

/**
 * One question of a survey. Its id pairs it with the same question in the other wave, so the
 * baseline and the end of the programme are compared question by question.
 */
public record Question(String id, Section section, QuestionKind kind, String text) {
}
