package grants.documents;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.money.Days;
import grants.core.money.Money;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads fields out of a JSON tree, recording a {@link Problem} with the field's full path for
 * everything missing or malformed instead of stopping at the first, so a user sees every problem
 * of a document at once. Readers return null where the value is unusable.
 *
 * <p>Text is strict: at most {@link #MAX_TEXT} characters unless a field says otherwise, no
 * control characters (a name with a line break forges email headers), no bidirectional
 * overrides (they make text read differently from what it is), no invisible formatting characters
 * (Unicode category Cf: zero-width spaces, byte-order marks, tag characters) and no line or
 * paragraph separators (U+2028, U+2029). A single-line value may not start
 * as a spreadsheet formula does ({@code = + - @}, tab, carriage return), since names and
 * references reach the CSV files finance opens. Amounts given as JSON numbers are refused before
 * any conversion when their size or precision is absurd.
 */
public final class FieldReader {

    /** The longest a text field may be unless it says otherwise: names, titles, references, topics. */
    public static final int MAX_TEXT = 200;
    /** The longest longer text: a purpose, a delivery note. */
    public static final int MAX_LONG_TEXT = 2_000;
    /** The longest Markdown body of a bulletin. */
    public static final int MAX_MARKDOWN = 20_000;
    /** The longest amount or number of days written as a decimal string. */
    public static final int MAX_DECIMAL_CHARACTERS = 24;
    /** The most entries a document's list may have. */
    public static final int MAX_LIST = 100_000;
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> schemaProblems = new ArrayList<>();

    /**
     * Every problem found: the readers' own, then the schema's for fields the readers did not
     * already report (their wording is the plainer).
     */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        java.util.Set<String> reported = new java.util.HashSet<>();
        problems.forEach(problem -> reported.add(problem.field()));
        schemaProblems.stream().filter(problem -> !reported.contains(problem.field())).forEach(all::add);
        return all;
    }

    /**
     * The one wording of a refused request: "The {what} was refused: N problems found; {consequence}.",
     * listing every problem found.
     */
    public InvalidInputException refusal(String what, String consequence) {
        List<Problem> all = problems();
        return new InvalidInputException("The " + what + " was refused: " + all.size()
                + (all.size() == 1 ? " problem" : " problems") + " found; " + consequence + ".", all);
    }

    /**
     * A reader of a request body that must be an object whose fields are only {@code fields}: a body
     * that is not an object is refused at once, naming {@code body}.
     */
    public static FieldReader forObject(JsonNode body, String... fields) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", fields);
            return reader;
        }
        throw reader.refusal("request", "nothing was changed");
    }

    /** Throws {@link #refusal} if anything was found. */
    public void refuseIfAny(String what, String consequence) {
        if (!problems().isEmpty()) {
            throw refusal(what, consequence);
        }
    }

    /** Checks the document's structure against its published schema ({@link DocumentSchemas}). */
    public void conformsTo(String schemaName, JsonNode document) {
        schemaProblems.addAll(DocumentSchemas.problems(schemaName, document));
    }

    public void problem(String field, String problem) {
        problems.add(new Problem(field, problem));
    }

    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** A single line of at most {@link #MAX_TEXT} characters. */
    public String text(JsonNode parent, String parentPath, String field, boolean required) {
        return text(parent, parentPath, field, required, MAX_TEXT);
    }

    /** A single line of at most {@code maxLength} characters. */
    public String text(JsonNode parent, String parentPath, String field, boolean required, int maxLength) {
        return text(parent.get(field), path(parentPath, field), required, maxLength, false);
    }

    /** Text that may run over several lines (tabs and line breaks allowed), such as Markdown. */
    public String multilineText(JsonNode parent, String parentPath, String field, boolean required, int maxLength) {
        return text(parent.get(field), path(parentPath, field), required, maxLength, true);
    }

    /** A real calendar day written YYYY-MM-DD. */
    public LocalDate date(JsonNode parent, String parentPath, String field, boolean required) {
        String text = text(parent, parentPath, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            problem(path(parentPath, field), "must be a date written YYYY-MM-DD, got \"" + text + "\"");
            return null;
        }
    }

    /** One element of an array of strings, such as a partnership id in {@code sharedWith}. */
    public String element(JsonNode node, String path, String whatItMustBe) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problem(path, "must be " + whatItMustBe);
            return null;
        }
        return text(node, path, true, MAX_TEXT, false);
    }

    private String text(JsonNode node, String path, boolean required, int maxLength, boolean multiline) {
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
        String value = node.asText();
        String refusal = refusal(value, maxLength, multiline);
        if (refusal != null) {
            problem(path, refusal);
            return null;
        }
        return value.strip();
    }

    /** Why a text may not be taken, or null if it may. */
    static String refusal(String value, int maxLength, boolean multiline) {
        if (value.length() > maxLength) {
            return "is " + value.length() + " characters long, more than the " + maxLength + " allowed";
        }
        if (!multiline && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "must not start with =, +, -, @, a tab or a carriage return: a spreadsheet would read it as a formula";
        }
        for (int i = 0, position = 1; i < value.length(); i += Character.charCount(value.codePointAt(i)), position++) {
            int c = value.codePointAt(i);
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !allowedBreak) {
                return "must not contain control characters" + found(c, position);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "must not contain bidirectional-override characters" + found(c, position);
            }
            // Invisible formatting (zero-width spaces and joiners, a byte-order mark, tag characters):
            // two names that look the same would be different names, and hidden text would ride along.
            if (Character.getType(c) == Character.FORMAT) {
                return "must not contain invisible formatting characters (such as a zero-width space)" + found(c, position);
            }
            // Unicode's own line breaks end a line wherever they are shown, as CR and LF do.
            if (Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return "must not contain line or paragraph separators" + found(c, position);
            }
        }
        return null;
    }

    private static String found(int codePoint, int position) {
        return ", found U+" + String.format("%04X", codePoint) + " at character " + position;
    }

    /**
     * Refuses every field of an object that is not one of {@code known}, naming it: a misspelt
     * field (a {@code grantBuget}) would otherwise be ignored, and the check it meant skipped.
     */
    public void onlyFields(JsonNode node, String path, String... known) {
        if (node == null || !node.isObject()) {
            return;
        }
        List<String> fields = List.of(known);
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                problem(path(path, name), "is not a field here (check its spelling): the fields are "
                        + String.join(", ", fields));
            }
        });
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
            if (node.asText().length() > MAX_DECIMAL_CHARACTERS) {
                problem(path(parentPath, field), "is longer than any amount or number of days could be ("
                        + MAX_DECIMAL_CHARACTERS + " characters at most)");
                return null;
            }
            return node.asText().strip();
        }
        if (node.isIntegralNumber() || node.isBigDecimal()) {
            BigDecimal number = node.decimalValue(); // exact, and cheap: nothing here expands its digits yet
            if (number.precision() > 18 || number.scale() > 6 || number.scale() < -6) {
                problem(path(parentPath, field), "is a number whose size or precision no amount could have:"
                        + " write it as a decimal string such as \"6300.00\"");
                return null;
            }
            return number.toPlainString();
        }
        problem(path(parentPath, field), "must be a decimal number written as a string, such as \"6300.00\"");
        return null;
    }

    /** A plain decimal ("13.8", "-2.5"), exact: given as a string or an exact JSON number. */
    public BigDecimal decimal(JsonNode parent, String parentPath, String field, boolean required) {
        return convert(decimalText(parent, parentPath, field, required), path(parentPath, field), Money::parseDecimal);
    }

    /** An id that must be one of a document's {@code ids}: else the problem is named at the field. */
    public String known(JsonNode parent, String parentPath, String field, java.util.Set<String> ids, String whatItIs) {
        String id = text(parent, parentPath, field, true);
        if (id != null && !ids.contains(id)) {
            problem(path(parentPath, field), "is not " + whatItIs + " of the document: \"" + id + "\"");
            return null;
        }
        return id;
    }

    /** Each object of a list read by {@code element} (null when unreadable: the reader has said why). */
    public <T> List<T> objects(JsonNode parent, String parentPath, String field,
                               java.util.function.BiFunction<JsonNode, String, T> element) {
        List<JsonNode> nodes = array(parent, parentPath, field, false);
        String path = path(parentPath, field);
        if (nodes.size() > MAX_LIST) {
            problem(path, "has " + nodes.size() + " entries, more than the " + MAX_LIST + " a document may have");
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String elementPath = path + "[" + i + "]";
            values.add(isObject(nodes.get(i), elementPath) ? element.apply(nodes.get(i), elementPath) : null);
        }
        return values;
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
