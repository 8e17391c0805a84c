package grants.functions.evaluation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.http.ApiHandler;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/**
 * The EvaluateProgramme function: the programme's evaluation over the HTTP API. The evaluator (or the
 * manager) sets up and opens the baseline and end surveys, sends their two reminders, notes telephone
 * interviews and records recommendations; auditors read; a contact answers through their own link, signed
 * in or not; the report in JSON and CSV.
 */
public class EvaluateProgrammeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = EvaluationRoutes.ALL;

    /** The routes open to anyone, without signing in: a survey through its link. */
    public static final List<String> PUBLIC_ROUTES = EvaluationRoutes.PUBLIC;

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE,
            Environment.SENDER_EMAIL, Environment.SES_CONFIGURATION_SET, Environment.NOTICE_RATE_PER_SECOND,
            EvaluateProgrammeComposition.CONSOLE_URL, Environment.FINANCE_CLIENT_ID);

    private final EvaluationRoutes routes;
    private final String financeClientId;

    public EvaluateProgrammeHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public EvaluateProgrammeHandler(Wiring wiring) {
        this(new EvaluateProgrammeComposition(wiring));
    }

    public EvaluateProgrammeHandler(EvaluateProgrammeComposition composition) {
        this.routes = composition.routes();
        this.financeClientId = composition.financeClientId();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, financeClientId, EvaluationRoutes.ACCESS, routes::handle);
    }

    /** SnapStart priming: a real read through every layer before the snapshot (a link that opens nothing). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(EvaluationRoutes.QUESTIONS)
                .withPathParameters(Map.of("token", "snapstart-priming-snapstart-priming-snapstar")).build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
