package grants.core.evaluation;

/** The seed's three parts of the survey: what participants know, what the partnership can do, what support it had. */
public enum Section {
    KNOWLEDGE_AND_UNDERSTANDING("Knowledge and understanding"),
    PERCEIVED_CAPACITY("Perceived capacity"),
    SUPPORT_RECEIVED("Support received");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
