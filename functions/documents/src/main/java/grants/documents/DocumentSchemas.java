package grants.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import grants.core.errors.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas of every document and request body the API takes (in
 * {@code src/main/resources/grants/documents/schemas}, served by {@code GET /schemas/{name}}),
 * and the structural check against them. What a schema cannot say (a county that names a county,
 * a budget that covers the grants) stays in the readers and the validator.
 */
public final class DocumentSchemas {

    /** Every schema, by the name it is served under. */
    public static final List<String> NAMES = List.of("programme", "submission", "adviser", "support-pool", "booking",
            "booking-delivery", "bulletin", "allocation-run", "import");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Instance locations as JSON pointers, turned into the readers' field paths. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(com.networknt.schema.PathType.JSON_POINTER).formatAssertionsEnabled(false).build();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private DocumentSchemas() {
    }

    /** The schema's text, as published; empty for a name that is not one of {@link #NAMES}. */
    public static Optional<String> text(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = DocumentSchemas.class.getResourceAsStream("/grants/documents/schemas/" + name + ".schema.json")) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in the document does not fit the schema, each problem naming its field as the readers do. */
    public static List<Problem> problems(String name, JsonNode document) {
        JsonSchema schema = COMPILED.computeIfAbsent(name, DocumentSchemas::compile);
        return schema.validate(document).stream()
                .map(DocumentSchemas::problem)
                .sorted(Comparator.comparing(Problem::field))
                .toList();
    }

    private static JsonSchema compile(String name) {
        String text = text(name).orElseThrow(() -> new IllegalArgumentException("no schema " + name));
        return FACTORY.getSchema(text, CONFIG);
    }

    private static Problem problem(ValidationMessage message) {
        String path = Json.pathOf(message.getInstanceLocation().toString());
        String at = path.equals("body") ? "" : path;
        boolean namesAProperty = message.getProperty() != null
                && List.of("required", "additionalProperties", "dependentRequired").contains(message.getType());
        String field = namesAProperty ? FieldReader.path(at, message.getProperty()) : at;
        return new Problem(field.isEmpty() ? "body" : field, wording(message));
    }

    private static String wording(ValidationMessage message) {
        Object[] arguments = message.getArguments();
        return switch (message.getType()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field here (check its spelling)";
            case "maxLength" -> "is longer than the " + arguments[0] + " characters allowed";
            case "pattern" -> "is not in the form the schema allows (see GET /schemas)";
            case "type" -> "must be " + arguments[1] + ", not " + arguments[0];
            case "enum", "const" -> "must be one of the values the schema lists, got " + message.getInstanceNode();
            default -> message.getError();
        };
    }
}
