package grants.documents.monitoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * One thing a person did, as a monitoring document records it: its day, its type, who did it, and
 * the fields of its type (the others are null). {@code outputs} is empty but for a submission.
 */
public record BookEvent(LocalDate on, Type type, String by, String returnId, String milestoneId, String agreementId,
                        Integer instalment, LocalDate to, String reason, String approvedBy, String email,
                        Map<String, Long> outputs, String achieved, String next, String evidence) {

    /** The event types and the fields each must have besides {@code on}, {@code type} and {@code by}. */
    public enum Type {
        SUBMIT("submit", "return", "outputs", "achieved", "next"),
        ACCEPT("accept", "return"),
        SEND_BACK("sendBack", "return", "reason"),
        SKIP("skip", "return", "reason"),
        MILESTONE_ACHIEVED("milestoneAchieved", "milestone", "evidence"),
        WAIVE("waive", "milestone", "reason"),
        VARY("vary", "to", "reason"),
        HOLD("hold", "agreement", "instalment", "reason"),
        RELEASE("release", "agreement", "instalment", "reason"),
        OVERRIDE("override", "agreement", "instalment", "reason", "approvedBy"),
        TERMINATE("terminate", "agreement", "reason"),
        BOUNCE("bounce", "email");

        private final String name;
        private final java.util.List<String> fields;

        Type(String name, String... fields) {
            this.name = name;
            this.fields = java.util.List.of(fields);
        }

        /** As the document writes it: {@code sendBack}. */
        public String documentName() {
            return name;
        }

        public java.util.List<String> fields() {
            return fields;
        }

        public static java.util.Optional<Type> named(String name) {
            return java.util.Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst();
        }
    }

    public BookEvent {
        outputs = outputs == null ? Map.of() : new java.util.TreeMap<>(outputs);
    }
}
