package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.run.AllocationService;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.ApiHandler;
import grants.http.Identity;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/**
 * The AllocateGrants function: programmes and allocation runs over the HTTP API. Thin by design:
 * routes parse and call {@link AllocationService}; failures the user can act on become 4xx with
 * the fields named, anything else a 500 that names only the request id.
 */
public class AllocateGrantsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        Resource {

    /** Every route this function serves; template.yaml must declare exactly these (checked in the template tests). */
    public static final List<String> ROUTES = AllocationRoutes.ALL;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE, Environment.FINANCE_CLIENT_ID,
            Environment.EXPORT_BUCKET,
            Environment.EXPORT_LINK_EXPIRY_SECONDS, Environment.COMMIT_IN_BACKGROUND_ABOVE);

    private final AllocationRoutes routes;
    /** The finance system's app client, whose access tokens are a machine caller's. */
    private final String financeClientId;

    /** Lambda's constructor: one set of SDK clients per container, configured from the environment. */
    public AllocateGrantsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public AllocateGrantsHandler(Wiring wiring) {
        this(new AllocateGrantsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public AllocateGrantsHandler(AllocateGrantsComposition composition) {
        this.financeClientId = composition.financeClientId();
        this.routes = composition.routes();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, AllocationRoutes.ACCESS, routes::handle);
    }

    /**
     * SnapStart priming: one real request through every layer (routing, DynamoDB client, JSON, the
     * error mapper) before the snapshot, so restored containers start with those classes loaded.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        APIGatewayV2HTTPEvent priming = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(AllocationRoutes.LIST_RUNS)
                .withPathParameters(Map.of("programmeId", "snapstart-priming"))
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("snapstart-priming", Role.AUDITOR))))
                .build();
        handleRequest(priming, null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients re-resolve credentials and connections on use
    }
}
