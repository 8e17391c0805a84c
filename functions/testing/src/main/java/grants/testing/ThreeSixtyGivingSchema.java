package grants.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import grants.documents.Json;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The 360Giving Data Standard's own JSON schemas, read from where the project keeps reference
 * schemas ({@code -Dgrants.schemas=DIR}, by default ../shared/schemas beside the checkout), never
 * copied in. Where they are absent the check is skipped, not passed.
 */
public final class ThreeSixtyGivingSchema {

    private static final String GRANT_SCHEMA_URL =
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    private ThreeSixtyGivingSchema() {
    }

    public static void assertValid(byte[] packageJson) {
        Path directory = Path.of(System.getProperty("grants.schemas", "../../../shared/schemas"), "360giving");
        Path packageSchema = directory.resolve("360-giving-package-schema.json");
        Assumptions.assumeTrue(Files.exists(packageSchema), "no 360Giving schemas at " + directory.toAbsolutePath());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder ->
                builder.schemaMappers(mappers -> mappers.mapPrefix(GRANT_SCHEMA_URL,
                        directory.resolve("360-giving-schema.json").toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(SchemaLocation.of(packageSchema.toUri().toString()), config);
        try {
            Set<ValidationMessage> problems = schema.validate(Json.MAPPER.readTree(packageJson));
            if (!problems.isEmpty()) {
                throw new AssertionError("360Giving schema problems: " + problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
