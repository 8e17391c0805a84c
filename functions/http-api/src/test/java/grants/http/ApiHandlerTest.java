package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.documents.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP plumbing every API function shares: requests read with named errors, failures mapped to statuses. */
class ApiHandlerTest {

    private static APIGatewayV2HTTPEvent request(Map<String, String> path, Map<String, String> headers, String body,
                                                 boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("GET /things/{thingId}").withPathParameters(path)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(base64).build();
    }

    private static APIGatewayV2HTTPResponse answer(RuntimeException failure) {
        return ApiHandler.handle(request(Map.of(), Map.of(), null, false), null, event -> {
            throw failure;
        });
    }

    @Test
    void eachKindOfFailureHasItsStatusAndNamesTheField() {
        assertThat(answer(InvalidInputException.of("partnerships[3].county", "is required")).getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(answer(InvalidInputException.of("partnerships[3].county", "is required")).getBody())
                .at("/error/details/0/field").asText()).isEqualTo("partnerships[3].county");
        assertThat(answer(new NotFoundException("no such run")).getStatusCode()).isEqualTo(404);
        assertThat(answer(new ConflictException("BUSY", "try again")).getStatusCode()).isEqualTo(409);
    }

    @Test
    void anUnexpectedFailureIsA500ThatShowsNothingOfTheInternals() {
        APIGatewayV2HTTPResponse response = answer(new IllegalStateException("table grants-prod-7 is missing"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("INTERNAL_ERROR").doesNotContain("grants-prod-7", "IllegalState");
    }

    @Test
    void anUnknownRouteIsA404NamingIt() {
        APIGatewayV2HTTPResponse response = ApiHandler.handle(request(Map.of(), Map.of(), null, false), null,
                event -> Optional.empty());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("GET /things/{thingId}");
    }

    @Test
    void aPathIdOutsideItsAlphabetIsRefusedNamingIt() {
        assertThatThrownBy(() -> HttpRequests.pathId(request(Map.of("thingId", "../etc"), Map.of(), null, false), "thingId"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details().get(0).field()).isEqualTo("thingId"));
    }

    @Test
    void aBase64BodyIsDecodedAndAnEmptyOneRefused() {
        String encoded = Base64.getEncoder().encodeToString("{\"mode\":\"DRY_RUN\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(HttpRequests.body(request(Map.of(), Map.of(), encoded, true)).get("mode").asText()).isEqualTo("DRY_RUN");
        assertThatThrownBy(() -> HttpRequests.body(request(Map.of(), Map.of(), "", false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
    }

    @Test
    void theIdempotencyKeyIsReadWhateverTheHeadersCase() {
        APIGatewayV2HTTPEvent event = request(Map.of(), Map.of("Idempotency-Key", "commit-1"), null, false);

        assertThat(HttpRequests.idempotencyKey(event)).hasValueSatisfying(key -> assertThat(key.value()).isEqualTo("commit-1"));
        assertThatThrownBy(() -> HttpRequests.idempotencyKey(request(Map.of(), Map.of("idempotency-key", "a b"), null, false)))
                .isInstanceOf(InvalidInputException.class);
    }
}
