package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The field readers a monitoring document needs beyond {@link FieldReader}'s: days, whole numbers, lists, ids once
 * (the governance book reads its days and yes-or-no fields with them too).
 */
public final class MonitoringFields {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,127}";
    static final String ID_IN_WORDS = "1 to 128 characters of a-z, 0-9 and -, starting with a letter or digit";

    private final FieldReader reader;

    public MonitoringFields(FieldReader reader) {
        this.reader = reader;
    }

    FieldReader reader() {
        return reader;
    }

    /** A day written {@code YYYY-MM-DD} that the calendar has (no 30 February). */
    LocalDate date(JsonNode parent, String parentPath, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                reader.problem(FieldReader.path(parentPath, field), "is required");
            }
            return null;
        }
        return date(node, FieldReader.path(parentPath, field));
    }

    LocalDate date(JsonNode node, String path) {
        if (node == null || !node.isTextual() || !node.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            reader.problem(path, "must be a date written YYYY-MM-DD, such as \"2002-07-26\", got " + node);
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            reader.problem(path, "is not a real date: \"" + node.asText() + "\"");
            return null;
        }
    }

    /** A list of days, each one real. */
    public List<LocalDate> dates(JsonNode parent, String field) {
        List<LocalDate> days = new ArrayList<>();
        List<JsonNode> nodes = reader.array(parent, "", field, false);
        for (int i = 0; i < nodes.size(); i++) {
            LocalDate day = date(nodes.get(i), field + "[" + i + "]");
            if (day != null) {
                days.add(day);
            }
        }
        return days;
    }

    /** A whole number from {@code min} to {@code max}, written as a JSON integer. */
    Integer whole(JsonNode parent, String parentPath, String field, int min, int max) {
        JsonNode node = parent.get(field);
        String path = FieldReader.path(parentPath, field);
        if (node == null || node.isNull()) {
            reader.problem(path, "is required");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            reader.problem(path, "must be a whole number from " + min + " to " + max + ", got " + node);
            return null;
        }
        return node.intValue();
    }

    public Boolean requiredBoolean(JsonNode parent, String parentPath, String field) {
        if (!parent.hasNonNull(field)) {
            reader.problem(FieldReader.path(parentPath, field), "is required: true or false");
            return null;
        }
        return reader.bool(parent, parentPath, field, false);
    }

    String id(JsonNode parent, String parentPath, String field) {
        return reader.id(parent, parentPath, field, ID_PATTERN, ID_IN_WORDS, true);
    }

    /** Each object of a list read by {@code element} (null when unreadable: the reader has said why). */
    <T> List<T> list(JsonNode parent, String parentPath, String field, BiFunction<JsonNode, String, T> element) {
        return reader.objects(parent, parentPath, field, element);
    }

    /** Names every second use of an id: "is also people[0]'s id". */
    static final class Once {
        private final Map<String, String> firstPath = new HashMap<>();
        private final FieldReader reader;

        Once(FieldReader reader) {
            this.reader = reader;
        }

        /** True the first time {@code id} is seen. */
        boolean first(String id, String path, String owner) {
            if (id == null) {
                return false;
            }
            String earlier = firstPath.putIfAbsent(id, owner);
            if (earlier != null) {
                reader.problem(path, "\"" + id + "\" is already the id of " + earlier + ": each id once");
                return false;
            }
            return true;
        }
    }
}
