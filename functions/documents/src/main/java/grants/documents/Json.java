package grants.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON configuration of the project: numbers with decimals are read as exact decimals
 * (never doubles), output keys are sorted so that the same content gives the same bytes, and a
 * document is refused, naming where, when it repeats a key or passes a limit below: a hostile or
 * broken document never reaches a conversion that could exhaust memory or time.
 */
public final class Json {

    /** Far deeper than any document of ours (a programme is 4 levels deep). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Digits of a JSON number: amounts belong in decimal strings anyway. */
    public static final int MAX_NUMBER_LENGTH = 32;
    /** The longest text value: a bulletin's Markdown body is the longest field, at 20,000. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** A whole document: a national programme of 100,000 partnerships is about 30 MB. */
    public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses a request body or a document; one that is not JSON, repeats a key or passes a limit is
     * refused as bad input naming the field where it happened ({@code body} for the whole).
     */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("body", "is empty: a JSON document is required");
        }
        // Our own parser, so that where it stopped can be named whatever went wrong.
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                JsonNode document = MAPPER.readTree(parser);
                if (parser.nextToken() != null) {
                    throw InvalidInputException.of("body", "has more after the end of the JSON document");
                }
                return document;
            } catch (JsonProcessingException e) {
                throw refusal(e, where(parser));
            }
        } catch (IOException e) {
            throw InvalidInputException.of("body", "could not be read as JSON");
        }
    }

    private static InvalidInputException refusal(JsonProcessingException e, String where) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return InvalidInputException.of(where.equals("body") ? duplicate.group(1) : where,
                    "appears twice in the same object: the second would silently replace the first");
        }
        if (e instanceof StreamConstraintsException) {
            String limit = String.valueOf(e.getOriginalMessage());
            if (limit.contains("nesting depth")) {
                return InvalidInputException.of(where, "is nested more than " + MAX_NESTING_DEPTH + " levels deep");
            }
            if (limit.contains("Number value length")) {
                return InvalidInputException.of(where, "is a number of more than " + MAX_NUMBER_LENGTH
                        + " characters: write amounts as decimal strings such as \"6300.00\"");
            }
            if (limit.contains("String value length")) {
                return InvalidInputException.of(where, "is a text of more than " + MAX_STRING_LENGTH + " characters");
            }
            return InvalidInputException.of("body", "is larger than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
        }
        if (e.getLocation() == null) {
            return InvalidInputException.of(where, "is not valid JSON");
        }
        return InvalidInputException.of("body", "is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")");
    }

    /** The field the parser was at, in our path form ({@code partnerships[3].name}), or {@code body}. */
    private static String where(JsonParser parser) {
        if (parser.getParsingContext() == null) {
            return "body";
        }
        return pathOf(parser.getParsingContext().pathAsPointer().toString());
    }

    /** A JSON pointer ({@code /partnerships/3/name}) in our path form ({@code partnerships[3].name}), or {@code body}. */
    static String pathOf(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (name.matches("[0-9]+")) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static String writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
