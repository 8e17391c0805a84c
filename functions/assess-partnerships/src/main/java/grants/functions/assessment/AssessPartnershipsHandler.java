package grants.functions.assessment;

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
 * The AssessPartnerships function (Learning to Deliver): the manager's competency framework, a
 * partnership's assessments (submitted by its representatives, confirmed by its Project Champion,
 * a joint review co-signed by a government reviewer), its profile and the Steering Group's table.
 */
public class AssessPartnershipsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = AssessmentRoutes.ALL;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE,
            Environment.FINANCE_CLIENT_ID);

    private final AssessmentRoutes routes;
    private final String financeClientId;

    public AssessPartnershipsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public AssessPartnershipsHandler(Wiring wiring) {
        this(new AssessPartnershipsComposition(wiring));
    }

    public AssessPartnershipsHandler(AssessPartnershipsComposition composition) {
        this.routes = composition.routes();
        this.financeClientId = composition.financeClientId();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, AssessmentRoutes.ACCESS, routes::handle);
    }

    /** SnapStart priming: a real read through every layer before the snapshot (the table of a programme that does not exist). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(AssessmentRoutes.GET_TABLE)
                .withPathParameters(Map.of("programmeId", "snapstart-priming"))
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("snapstart-priming", Role.AUDITOR))))
                .build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
