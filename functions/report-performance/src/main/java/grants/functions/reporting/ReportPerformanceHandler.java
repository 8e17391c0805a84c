package grants.functions.reporting;

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

/**
 * The ReportPerformance function: the indicator register, its quarterly figures and narratives,
 * report cards and board packs over the HTTP API, and what board meetings have made public.
 */
public class ReportPerformanceHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = ReportRoutes.ALL;

    /** The routes anyone may call without signing in (P9); template.yaml opens exactly these. */
    public static final List<String> PUBLIC_ROUTES = ReportRoutes.PUBLIC;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE,
            Environment.FINANCE_CLIENT_ID, Environment.EXPORT_BUCKET);

    private final ReportRoutes routes;
    /** The finance system's app client, whose access tokens are a machine caller's. */
    private final String financeClientId;

    public ReportPerformanceHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public ReportPerformanceHandler(Wiring wiring) {
        this(new ReportPerformanceComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public ReportPerformanceHandler(ReportPerformanceComposition composition) {
        this.routes = composition.routes();
        this.financeClientId = composition.financeClientId();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, ReportRoutes.ACCESS, routes::handle);
    }

    /** SnapStart priming: a real request through every layer before the snapshot (a register that does not exist). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(ReportRoutes.REGISTER)
                .withPathParameters(Map.of("registerId", "snapstart-priming"))
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("snapstart-priming", Role.AUDITOR))))
                .build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
