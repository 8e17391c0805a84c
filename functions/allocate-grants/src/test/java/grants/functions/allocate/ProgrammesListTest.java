package grants.functions.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The list of programmes: what the console opens with, each line read without its document. */
class ProgrammesListTest {

    @Test
    void aStoredProgrammeIsListedWithItsCurrentVersion() {
        ApiOnTheEmulators api = new ApiOnTheEmulators(getClass());
        assertThat(body(api.call(AllocationRoutes.LIST_PROGRAMMES, Map.of(), null)).get("programmes")).isEmpty();

        api.call(Events.load("put-programme.json"));
        String inputHash = body(api.call(Events.load("put-programme.json"))).get("inputHash").asText();

        JsonNode programmes = body(api.call(AllocationRoutes.LIST_PROGRAMMES, Map.of(), null)).get("programmes");
        assertThat(programmes).hasSize(1);
        assertThat(programmes.get(0).get("programmeId").asText()).isEqualTo("l2d-2007-08");
        assertThat(programmes.get(0).get("name").asText()).isEqualTo("Learning to Deliver 2007-08");
        assertThat(programmes.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(programmes.get(0).get("inputHash").asText()).isEqualTo(inputHash);
    }
}
