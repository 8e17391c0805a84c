package grants.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.errors.GrantsException;
import grants.core.mail.Redaction;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * The one error mapper of the HTTP API functions: a route's failure the user can act on becomes
 * a 4xx naming the fields; anything else is logged and answered with a 500 naming only the
 * request id.
 */
public final class ApiHandler {

    private ApiHandler() {
    }

    /** A function's routes: each gets the request and the verified caller. */
    @FunctionalInterface
    public interface Routes {
        Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor);
    }

    /**
     * Answers a request: 401 without a verified caller, 404 for a route not in {@code access},
     * 403 when the caller's role does not allow the route (nothing has run), else the route's answer.
     */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Context context,
                                                  Map<String, Access> access, Routes routes) {
        return handle(request, context, null, access, routes);
    }

    /** The same, also taking access tokens of the finance system's app client ({@code financeClientId}). */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Context context, String financeClientId,
                                                  Map<String, Access> access, Routes routes) {
        String requestId = context == null ? "unknown" : context.getAwsRequestId();
        try {
            Access allowed = access.get(request.getRouteKey());
            Actor actor = allowed != null && !allowed.signInNeeded() ? Actor.ANONYMOUS
                    : Identity.of(request, financeClientId);
            if (allowed == null) {
                return HttpResponses.routeNotFound(request.getRouteKey());
            }
            allowed.check(actor, request);
            return routes.handle(request, actor).orElseGet(() -> HttpResponses.routeNotFound(request.getRouteKey()));
        } catch (GrantsException failure) {
            return HttpResponses.error(failure);
        } catch (RuntimeException unexpected) {
            StringWriter trace = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(trace));
            // The trace's messages may quote an address: it never reaches the log.
            String line = Redaction.withoutAddresses("ERROR request " + requestId + " " + request.getRouteKey() + ": " + trace);
            if (context != null) {
                context.getLogger().log(line);
            } else {
                System.err.println(line);
            }
            return HttpResponses.internalError(requestId);
        }
    }
}
