package grants.functions.evaluation;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoEvaluationStore;
import grants.adapters.dynamodb.DynamoEventStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.wiring.Wiring;
import grants.core.evaluation.EvaluationNotes;
import grants.core.evaluation.EvaluationReports;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.SurveyedPartnership;
import grants.core.events.EventParticipation;

/**
 * Everything the EvaluateProgramme function uses, built once per container from what the functions share
 * ({@link Wiring}): the evaluation's store, the programme and support read one way through evaluation's own
 * ports, the survey mail through the notices' machinery, and the routes over the use cases.
 */
public final class EvaluateProgrammeComposition {

    /** The console's address, whose {@code /surveys/answer/{token}} page a link opens. */
    public static final String CONSOLE_URL = "CONSOLE_URL";

    private final EvaluationRoutes routes;
    private final String financeClientId;

    public EvaluateProgrammeComposition(Wiring wiring) {
        Environment settings = wiring.environment();
        this.financeClientId = settings.optional(Environment.FINANCE_CLIENT_ID, "");
        DynamoEvaluationStore store = new DynamoEvaluationStore(wiring.table(), wiring.auditTable());
        SurveyedPartnership.Source partnerships = new ProgrammePartnerships(wiring.programmes());
        SurveyMailThroughNotices mail = new SurveyMailThroughNotices(wiring.notices(), wiring.noticesSendRate(),
                wiring.noticesMailer());
        String console = settings.optional(CONSOLE_URL, "http://127.0.0.1:8080").replaceAll("/+$", "");
        SurveyService surveys = new SurveyService(store, partnerships, mail, console + "/surveys/answer/", wiring.clock());
        EvaluationNotes notes = new EvaluationNotes(store, partnerships, wiring.clock());
        EvaluationReports reports = new EvaluationReports(store, partnerships,
                new SupportDaysDelivered(new DynamoSupportStore(wiring.table(), wiring.auditTable()),
                        new EventParticipation(new DynamoEventStore(wiring.table(), wiring.auditTable()))));
        this.routes = new EvaluationRoutes(surveys, notes, reports, financeClientId, wiring.clock());
    }

    String financeClientId() {
        return financeClientId;
    }

    EvaluationRoutes routes() {
        return routes;
    }
}
