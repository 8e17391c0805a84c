package grants.core.reporting;

/** An outcome the partnership works for, under one theme. */
public record Outcome(String id, String title, String theme) {
}
