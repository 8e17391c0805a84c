package grants.core.evaluation;

/** How a question is answered: a point on a 1 to 5 scale, a whole number, or words. */
public enum QuestionKind {
    SCALE,
    NUMBER,
    TEXT;

    /** Scales and numbers are compared between the waves; words are read, not averaged. */
    public boolean isCounted() {
        return this != TEXT;
    }
}
