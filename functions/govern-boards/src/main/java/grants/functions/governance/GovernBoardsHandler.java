package grants.functions.governance;

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
 * The GovernBoards function: bodies, meetings and decisions recorded by the clerk, owners' updates,
 * completions and answers, scrutiny's reviews, a board meeting's exceptions and quorum, and the
 * decisions log (to the public from the next working day, G11) over the HTTP API.
 */
public class GovernBoardsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = GovernRoutes.ALL;

    /** The routes anyone may call without signing in (G11); template.yaml opens exactly these. */
    public static final List<String> PUBLIC_ROUTES = GovernRoutes.PUBLIC;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE,
            Environment.FINANCE_CLIENT_ID);

    private final GovernRoutes routes;
    private final GovernPapersRoutes papers;
    private final GovernanceOpenData openData;
    private final String financeClientId;

    public GovernBoardsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public GovernBoardsHandler(Wiring wiring) {
        this(new GovernBoardsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public GovernBoardsHandler(GovernBoardsComposition composition) {
        this.routes = composition.routes();
        this.papers = composition.papers();
        this.openData = composition.openData();
        this.financeClientId = composition.financeClientId();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, GovernRoutes.ACCESS,
                (event, caller) -> openData.handle(event).or(() -> routes.handle(event, caller))
                        .or(() -> papers.handle(event, caller)));
    }

    /** SnapStart priming: a real read through every layer before the snapshot (the log of a register that does not exist). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(GovernRoutes.LOG)
                .withPathParameters(Map.of("registerId", "snapstart-priming"))
                .withRequestContext(Identity.verified(Identity.claimsOf(Actor.system("snapstart-priming", Role.AUDITOR))))
                .build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
