package grants.functions.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml and this function agree: same routes, same handler, same environment. */
class TemplateRoutesTest {

    private static JsonNode function() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../template.yaml").toFile());
        return template.get("Resources").get("AllocateGrantsFunction").get("Properties");
    }

    @Test
    void everyRouteOfTheTemplateIsServedAndEveryServedRouteIsInTheTemplate() throws IOException {
        List<String> declared = new ArrayList<>();
        function().get("Events").forEach(event -> declared.add(event.get("Properties").get("Method").asText() + " "
                + event.get("Properties").get("Path").asText()));

        assertThat(declared).containsExactlyInAnyOrderElementsOf(AllocationRoutes.ALL);
    }

    @Test
    void theHandlerAndItsEnvironmentAreTheOnesTheCodeUses() throws IOException {
        JsonNode function = function();

        assertThat(function.get("Handler").asText())
                .isEqualTo(AllocateGrantsHandler.class.getName() + "::handleRequest");
        assertThat(function.get("CodeUri").asText()).isEqualTo("functions/allocate-grants/target/allocate-grants.jar");
        assertThat(function.get("Environment").get("Variables").has(AllocateGrantsHandler.TABLE_ENV)).isTrue();
    }
}
