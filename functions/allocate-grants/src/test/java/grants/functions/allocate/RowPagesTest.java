package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static grants.functions.allocate.ApiOnTheEmulators.refusedField;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows of dry runs and runs a page at a time: the pages together are the whole run, each once, in order. */
class RowPagesTest {

    private static final String RUNS = "POST /programmes/{programmeId}/allocation-runs";
    private static final String RUN = "GET /programmes/{programmeId}/allocation-runs/{runId}";
    private static final Map<String, String> WM = Map.of("programmeId", "l2d-2007-08");

    private ApiOnTheEmulators api;

    @BeforeEach
    void programme() throws IOException {
        api = new ApiOnTheEmulators(getClass());
        try (InputStream in = getClass().getResourceAsStream("/data/" + TestProgrammes.WEST_MIDLANDS)) {
            assertThat(api.call("PUT /programmes/{programmeId}", WM, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getStatusCode()).isEqualTo(201);
        }
    }

    @Test
    void aDryRunsPagesOfTenAreItsThirtyEightRowsInFourPages() {
        List<JsonNode> pages = pages(after -> api.call(RUNS, WM, query(10, after), "{\"mode\":\"DRY_RUN\"}"));
        assertThat(pages).hasSize(4);
        assertThat(pages).allSatisfy(page -> assertThat(page.at("/rowsPage/total").asInt()).isEqualTo(38));
        List<String> ids = ids(pages);
        assertThat(ids).hasSize(38).doesNotHaveDuplicates().isSorted();
        assertThat(pages.get(3).at("/rowsPage/next").isNull()).isTrue();
        assertThat(pages.get(0).get("totals").get("finalGrantsGbp").asText()).as("totals are the whole run's on every page")
                .isEqualTo("372400.00");
    }

    @Test
    void aCommittedRunIsReadBackInPagesToo() {
        String inputHash = body(api.call(RUNS, WM, "{\"mode\":\"DRY_RUN\"}")).get("inputHash").asText();
        JsonNode committed = body(api.call(RUNS, WM, query(5, null), "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}"));
        assertThat(committed.get("rows")).hasSize(5);
        Map<String, String> run = Map.of("programmeId", "l2d-2007-08", "runId", committed.get("runId").asText());
        List<JsonNode> pages = pages(after -> api.call(RUN, run, query(16, after), null));
        assertThat(pages).hasSize(3);
        assertThat(ids(pages)).hasSize(38).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPageSizeOutOfRangeOrAForgedCursorIsRefusedAndNothingIsCommitted() {
        String inputHash = body(api.call(RUNS, WM, "{\"mode\":\"DRY_RUN\"}")).get("inputHash").asText();
        APIGatewayV2HTTPResponse tooMany = api.call(RUNS, WM, Map.of("limit", "5001"),
                "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}");
        assertThat(tooMany.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(tooMany)).isEqualTo("limit");
        assertThat(body(api.call("GET /programmes/{programmeId}/allocation-runs", WM, null)).get("runs")).isEmpty();
        APIGatewayV2HTTPResponse forged = api.call(RUNS, WM, Map.of("after", "=cmd|' /C calc'!A0"), "{\"mode\":\"DRY_RUN\"}");
        assertThat(refusedField(forged)).isEqualTo("after");
    }

    private interface PageCall {
        APIGatewayV2HTTPResponse page(String after);
    }

    private static List<JsonNode> pages(PageCall call) {
        List<JsonNode> pages = new ArrayList<>();
        String after = null;
        do {
            APIGatewayV2HTTPResponse response = call.page(after);
            assertThat(response.getStatusCode()).as(response.getBody()).isLessThan(300);
            JsonNode page = body(response);
            pages.add(page);
            after = page.at("/rowsPage/next").isNull() ? null : page.at("/rowsPage/next").asText();
        } while (after != null && pages.size() < 100);
        return pages;
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.get("rows").forEach(row -> ids.add(row.get("partnershipId").asText())));
        return ids;
    }

    private static Map<String, String> query(int limit, String after) {
        Map<String, String> query = new HashMap<>(Map.of("limit", Integer.toString(limit)));
        if (after != null) {
            query.put("after", after);
        }
        return query;
    }
}
