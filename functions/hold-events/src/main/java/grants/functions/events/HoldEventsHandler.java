package grants.functions.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.ApiHandler;
import grants.http.Identity;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/** The HoldEvents function: Learning to Deliver's workshops, Action Learning Sets and seminars over the HTTP API. */
public class HoldEventsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = EventRoutes.ALL;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE,
            Environment.FINANCE_CLIENT_ID);

    private final EventRoutes routes;
    private final String financeClientId;

    public HoldEventsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public HoldEventsHandler(Wiring wiring) {
        this(new HoldEventsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public HoldEventsHandler(HoldEventsComposition composition) {
        this.financeClientId = composition.financeClientId();
        this.routes = composition.routes();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, EventRoutes.ACCESS, routes::handle);
    }

    /** SnapStart priming: a real request through every layer before the snapshot, which finds nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(EventRoutes.LIST)
                .withPathParameters(Map.of("programmeId", "snapstart-priming"))
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("snapstart-priming", Role.AUDITOR))))
                .build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
