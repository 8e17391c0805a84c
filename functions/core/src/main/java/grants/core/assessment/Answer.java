package grants.core.assessment;

/** A partnership's score (1 to 4) against one statement, with the evidence it gives for it. */
public record Answer(String statementId, int score, String evidence) {
}
