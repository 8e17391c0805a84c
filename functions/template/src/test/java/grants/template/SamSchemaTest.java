package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml against the official AWS SAM JSON schema (draft-04), read where the reference
 * schemas live ({@code -Dgrants.schemas=DIR}, by default ../shared/schemas beside the checkout) and
 * never copied in. Where the schema is absent the tests are reported skipped.
 */
class SamSchemaTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("grants.schemas", "../../../shared/schemas"), "sam.schema.json");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            }
        }
    }

    private static Set<ValidationMessage> problems(JsonNode template) {
        Assumptions.assumeTrue(schema != null, "the SAM schema is not at ../shared/schemas/sam.schema.json");
        return schema.validate(template);
    }

    @Test
    void theTemplateIsValidSam() {
        assertThat(problems(Template.TEMPLATE)).isEmpty();
    }

    @Test
    void theCheckCatchesAMisspeltFunctionProperty() {
        JsonNode broken = Template.TEMPLATE.deepCopy();
        ((ObjectNode) broken.get("Resources").get("AllocateGrantsFunction").get("Properties")).put("Handlr", "x");

        assertThat(problems(broken)).isNotEmpty();
    }
}
