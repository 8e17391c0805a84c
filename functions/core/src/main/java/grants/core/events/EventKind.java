package grants.core.events;

/** What a programme's event is: the seed's workshops, an Action Learning Set's meeting, or a regional seminar. */
public enum EventKind {
    WORKSHOP,
    ACTION_LEARNING_SET,
    REGIONAL_SEMINAR
}
