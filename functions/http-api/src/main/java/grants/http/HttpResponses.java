package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.ForbiddenException;
import grants.core.access.NotSignedInException;
import grants.core.errors.BudgetExceededException;
import grants.core.errors.ConflictException;
import grants.core.errors.GrantsException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.errors.TooLargeException;
import grants.core.exports.ExportFile;
import grants.documents.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON responses, and the one place where failures become HTTP statuses. */
public final class HttpResponses {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(JSON);
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).build();
    }

    /** A body that is already written, such as a published schema. */
    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(Map.of("content-type", contentType))
                .withBody(body).build();
    }

    /**
     * A file the function wrote, under {@code filename}: {@code attachment} to be saved (a CSV), {@code inline}
     * to be shown (a page).
     */
    public static APIGatewayV2HTTPResponse file(ExportFile file, String disposition, String filename) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("content-type",
                        file.contentType(), "content-disposition", disposition + "; filename=\"" + filename + "\""))
                .withBody(new String(file.bytes(), StandardCharsets.UTF_8)).build();
    }

    /** {"error": {"code", "message", "details": [{"field", "problem"}]}} with the status the failure calls for. */
    public static APIGatewayV2HTTPResponse error(GrantsException failure) {
        return json(statusOf(failure), errorBody(failure.code(), failure.getMessage(), failure));
    }

    private static int statusOf(GrantsException failure) {
        if (failure instanceof NotSignedInException) {
            return 401;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof TooLargeException) {
            return 413;
        }
        if (failure instanceof BudgetExceededException) {
            return 422;
        }
        return 400; // InvalidInputException, and any other failure of the request itself
    }

    /** An unexpected failure: the request id to quote to support, and nothing of the internals. */
    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        ObjectNode body = errorBody("INTERNAL_ERROR", "Something went wrong on our side. It is safe to retry;"
                + " quote request id " + requestId + " if you report it.", null);
        ((ObjectNode) body.get("error")).put("requestId", requestId);
        return json(500, body);
    }

    public static APIGatewayV2HTTPResponse routeNotFound(String routeKey) {
        return json(404, errorBody("ROUTE_NOT_FOUND", "No such route: " + routeKey, null));
    }

    private static ObjectNode errorBody(String code, String message, GrantsException failure) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        ArrayNode details = error.putArray("details");
        if (failure != null) {
            for (Problem problem : failure.details()) {
                details.addObject().put("field", problem.field()).put("problem", problem.problem());
            }
        }
        return body;
    }
}
