package grants.core.events;

/** How an event's kind reads in an email or a calendar. */
final class EventWords {

    private EventWords() {
    }

    static String kind(EventKind kind) {
        return switch (kind) {
            case WORKSHOP -> "Workshop";
            case ACTION_LEARNING_SET -> "Action Learning Set meeting";
            case REGIONAL_SEMINAR -> "Regional seminar";
        };
    }
}
