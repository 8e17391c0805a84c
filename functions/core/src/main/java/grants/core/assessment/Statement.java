package grants.core.assessment;

/** A competency statement a partnership scores itself against, 1 (not yet) to 4 (fully). */
public record Statement(String id, String text) {

    public static final int LOWEST_SCORE = 1;
    public static final int HIGHEST_SCORE = 4;
}
