package grants.core.rounds;

import grants.core.commissioning.Moderation;

/**
 * A moderation as the live round keeps it: recorded by one panel member, it takes effect only once
 * confirmed by the programme manager or a second panel member ({@code confirmedBy}, null while pending).
 */
public record RecordedModeration(Moderation moderation, String confirmedBy) {

    public static RecordedModeration pending(Moderation moderation) {
        return new RecordedModeration(moderation, null);
    }

    public boolean confirmed() {
        return confirmedBy != null;
    }
}
