package grants.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.errors.GrantsException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one error mapper of the HTTP API functions: a route's failure the user can act on becomes
 * a 4xx naming the fields; anything else is logged and answered with a 500 naming only the
 * request id.
 */
public final class ApiHandler {

    private ApiHandler() {
    }

    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Context context,
                                                  Function<APIGatewayV2HTTPEvent, Optional<APIGatewayV2HTTPResponse>> routes) {
        String requestId = context == null ? "unknown" : context.getAwsRequestId();
        try {
            return routes.apply(request).orElseGet(() -> HttpResponses.routeNotFound(request.getRouteKey()));
        } catch (GrantsException failure) {
            return HttpResponses.error(failure);
        } catch (RuntimeException unexpected) {
            StringWriter trace = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(trace));
            String line = "ERROR request " + requestId + " " + request.getRouteKey() + ": " + trace;
            if (context != null) {
                context.getLogger().log(line);
            } else {
                System.err.println(line);
            }
            return HttpResponses.internalError(requestId);
        }
    }
}
