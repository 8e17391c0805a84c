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

    /** A query parameter that must be a whole number within bounds, refused naming it otherwise. */
    public static long wholeNumber(String name, String value, long min, long max) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw InvalidInputException.of(name, "must be a whole number from " + min + " to " + max + ", got \""
                    + (value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"");
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw InvalidInputException.of(name, "must be from " + min + " to " + max + ", got " + number);
        }
        return number;
    }

    public static JsonNode body(APIGatewayV2HTTPEvent request) {
        return Json.parse(text(request));
    }

    /** The body as text (a CSV file), decoded if API Gateway sent it base64. */
    public static String text(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body != null && request.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw InvalidInputException.of("body", "is marked base64 but is not valid base64");
            }
        }
        return body;
    }
}
