package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static grants.functions.allocate.ApiOnTheEmulators.refusedField;
import static org.assertj.core.api.Assertions.assertThat;

/** A commit is tied to the preview it confirms, and the same input is never paid twice by accident. */
class OneCommitPerDecisionTest {

    private static final Map<String, String> PATH = Map.of("programmeId", "l2d-2007-08");
    private ApiOnTheEmulators api;

    @BeforeEach
    void storedWestMidlands() {
        api = new ApiOnTheEmulators(getClass());
        api.call(Events.load("put-programme.json"));
    }

    private String preview() {
        return body(api.call(AllocationRoutes.POST_RUN, PATH, "{\"mode\":\"DRY_RUN\"}")).get("inputHash").asText();
    }

    private APIGatewayV2HTTPResponse commit(String body) {
        return api.call(AllocationRoutes.POST_RUN, PATH, body);
    }

    private int runs() {
        return body(api.call(AllocationRoutes.LIST_RUNS, PATH, null)).get("runs").size();
    }

    @Test
    void aCommitMustSayWhichPreviewItConfirms() {
        APIGatewayV2HTTPResponse refused = commit("{\"mode\":\"COMMIT\"}");

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(refused)).isEqualTo("inputHash");
        assertThat(runs()).isZero();
    }

    @Test
    void anEditBetweenThePreviewAndTheCommitIsNotCommittedUnseen() {
        String previewed = preview();
        ObjectNode edited = (ObjectNode) Json.parse(Events.load("put-programme.json").getBody());
        edited.put("grantBudget", "400000.00");
        api.call(AllocationRoutes.PUT_PROGRAMME, PATH, Json.write(edited));

        APIGatewayV2HTTPResponse refused = commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + previewed + "\"}");

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(body(refused).at("/error/code").asText()).isEqualTo("PROGRAMME_CHANGED_SINCE_PREVIEW");
        assertThat(runs()).isZero();
    }

    @Test
    void theSameInputCommittedAgainWithoutAKeyIsRefusedNamingTheRunThatHoldsIt() {
        String inputHash = preview();
        String first = body(commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}")).get("runId").asText();

        APIGatewayV2HTTPResponse second = commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}");

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(body(second).at("/error/code").asText()).isEqualTo("ALREADY_COMMITTED");
        assertThat(body(second).at("/error/message").asText()).contains(first);
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void supersedingIsDeliberateAndRecordedWithItsReason() {
        String inputHash = preview();
        String first = body(commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}")).get("runId").asText();

        APIGatewayV2HTTPResponse withoutReason = commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash
                + "\",\"supersedes\":\"" + first + "\"}");
        APIGatewayV2HTTPResponse second = commit("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash
                + "\",\"supersedes\":\"" + first + "\",\"reason\":\"Payment file lost by the bank\"}");

        assertThat(withoutReason.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(withoutReason)).isEqualTo("reason");
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(body(second).at("/supersedes/runId").asText()).isEqualTo(first);
        String secondId = body(second).get("runId").asText();
        assertThat(body(api.call(AllocationRoutes.GET_RUN, Map.of("programmeId", "l2d-2007-08", "runId", secondId), null))
                .at("/supersedes/reason").asText()).isEqualTo("Payment file lost by the bank");
        assertThat(runs()).isEqualTo(2);
    }
}
