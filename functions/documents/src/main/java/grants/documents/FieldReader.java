package grants.documents;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.Problem;
import grants.core.money.Days;
import grants.core.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads fields out of a JSON tree, recording a {@link Problem} with the field's full path for
 * everything missing or malformed instead of stopping at the first, so a user sees every problem
 * of a document at once. Readers return null where the value is unusable.
 */
public final class FieldReader {

    private final List<Problem> problems = new ArrayList<>();

    public List<Problem> problems() {
        return problems;
    }

    public void problem(String field, String problem) {
        problems.add(new Problem(field, problem));
    }

    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    public String text(JsonNode parent, String parentPath, String field, boolean required) {
        JsonNode node = parent.get(field);
        String path = path(parentPath, field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(path, "must be a non-empty string");
            return null;
        }
        return node.asText().strip();
    }

    public String id(JsonNode parent, String parentPath, String field, String pattern, String patternInWords,
              boolean required) {
        String value = text(parent, parentPath, field, required);
        if (value != null && !value.matches(pattern)) {
            problem(path(parentPath, field), "must be " + patternInWords + ", got \"" + value + "\"");
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> E oneOf(JsonNode parent, String parentPath, String field, Class<E> type, boolean required) {
        String value = text(parent, parentPath, field, required);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problem(path(parentPath, field), "must be one of " + List.of(type.getEnumConstants())
                + ", got \"" + value + "\"");
        return null;
    }

    public Boolean bool(JsonNode parent, String parentPath, String field, boolean defaultValue) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            problem(path(parentPath, field), "must be true or false");
            return defaultValue;
        }
        return node.booleanValue();
    }

    /** A decimal given as a string ("1.483") or an exact JSON number; never read through a double. */
    public String decimalText(JsonNode parent, String parentPath, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path(parentPath, field), "is required");
            }
            return null;
        }
        if (node.isTextual()) {
            return node.asText().strip();
        }
        if (node.isIntegralNumber() || node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        problem(path(parentPath, field), "must be a decimal number written as a string, such as \"6300.00\"");
        return null;
    }

    public Long pence(JsonNode parent, String parentPath, String field, boolean required) {
        return convert(decimalText(parent, parentPath, field, required), path(parentPath, field), Money::parsePence);
    }

    /** Days in half-day steps, as whole half-days. */
    public Integer halfDays(JsonNode parent, String parentPath, String field) {
        return convert(decimalText(parent, parentPath, field, true), path(parentPath, field), Days::parseHalfDays);
    }

    public BigDecimal positiveDecimal(JsonNode parent, String parentPath, String field) {
        BigDecimal value = convert(decimalText(parent, parentPath, field, true), path(parentPath, field),
                Money::parseDecimal);
        if (value != null && value.signum() <= 0) {
            problem(path(parentPath, field), "must be greater than zero, got \"" + value.toPlainString() + "\"");
            return null;
        }
        return value;
    }

    private <T> T convert(String text, String path, Function<String, T> converter) {
        if (text == null) {
            return null;
        }
        try {
            return converter.apply(text);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    /** The elements of an array field; absent is an empty list unless required. */
    public List<JsonNode> array(JsonNode parent, String parentPath, String field, boolean required) {
        JsonNode node = parent.get(field);
        String path = path(parentPath, field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    public boolean isObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a JSON object");
            return false;
        }
        return true;
    }
}
