package grants.functions.assessment;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAssessmentStore;
import grants.adapters.wiring.ProgrammePartnerships;
import grants.adapters.wiring.Wiring;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.Profiles;

/**
 * Everything the AssessPartnerships function uses, built once per container from what the functions
 * share ({@link Wiring}): the assessments' Dynamo store, the partnerships as the stored programme
 * names them, the use cases and the routes over them.
 */
public final class AssessPartnershipsComposition {

    private final AssessmentRoutes routes;
    private final String financeClientId;

    public AssessPartnershipsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        DynamoAssessmentStore store = wiring.assessments();
        ProgrammePartnerships partnerships = new ProgrammePartnerships(wiring.programmes());
        AssessmentService service = new AssessmentService(store, partnerships, wiring.clock());
        this.routes = new AssessmentRoutes(service, new Profiles(store, service, partnerships));
    }

    AssessmentRoutes routes() {
        return routes;
    }

    String financeClientId() {
        return financeClientId;
    }
}
