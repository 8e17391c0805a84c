package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.run.IdempotencyKey;
import grants.documents.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reading an API Gateway v2 request: path ids, headers, query parameters and the JSON body, with named errors. */
public final class HttpRequests {

    private static final String PATH_ID = "[A-Za-z0-9_.:-]{1,128}";

    private HttpRequests() {
    }

    public static String pathId(APIGatewayV2HTTPEvent request, String name) {
        String value = request.getPathParameters() == null ? null : request.getPathParameters().get(name);
        if (value == null || !value.matches(PATH_ID)) {
            throw InvalidInputException.of(name, "in the path must be 1 to 128 characters of letters, digits, _ . : -");
        }
        return value;
    }

    /** A header by name, whatever its case (API Gateway lower-cases them; other callers may not). */
    public static Optional<String> header(APIGatewayV2HTTPEvent request, String name) {
        if (request.getHeaders() == null) {
            return Optional.empty();
        }
        return request.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The request's {@code Idempotency-Key}, checked: the same key always names the same result. */
    public static Optional<IdempotencyKey> idempotencyKey(APIGatewayV2HTTPEvent request) {
        return IdempotencyKey.of(header(request, "idempotency-key"));
    }

    public static Optional<String> query(APIGatewayV2HTTPEvent request, String name) {
        return Optional.ofNullable(request.getQueryStringParameters()).map(parameters -> parameters.get(name));
    }

    public static JsonNode body(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body != null && request.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return Json.parse(body);
    }
}
