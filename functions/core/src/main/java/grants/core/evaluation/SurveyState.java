package grants.core.evaluation;

/** A survey is set up as a draft, then opened (its invitations sent); it closes by itself after its closing date. */
public enum SurveyState {
    DRAFT,
    OPEN
}
