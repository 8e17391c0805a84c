package grants.core.notices;

/** An e-briefing to the partnerships' contacts: Markdown body, sent once to each distinct address. */
public record Bulletin(String programmeId, String bulletinId, String subject, String markdown, Audience audience) {

    public enum Audience {
        REPRESENTATIVES,
        CHAMPIONS,
        ALL;

        boolean includes(String role) {
            return this == ALL || (this == REPRESENTATIVES && "REPRESENTATIVE".equals(role))
                    || (this == CHAMPIONS && "PROJECT_CHAMPION".equals(role));
        }
    }
}
