package grants.functions.evaluation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.evaluation.EvaluationNotes;
import grants.core.evaluation.EvaluationReports;
import grants.core.evaluation.Survey;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.Wave;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpRequests;
import grants.http.HttpResponses;
import grants.http.Identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The evaluation's routes: read the request, call the use case as the caller is bound in the programme,
 * write the JSON or the CSV. Route keys match template.yaml. The two public routes, a contact's survey
 * through their link, need no sign-in: the link's token is the only key, and any token that opens nothing
 * (never issued, used or expired) is the same 404.
 */
final class EvaluationRoutes {

    private static final String AT = "/programmes/{programmeId}/evaluation";

    static final String SURVEYS = "GET " + AT + "/surveys";
    static final String SURVEY = "GET " + AT + "/surveys/{wave}";
    static final String SET_UP = "PUT " + AT + "/surveys/{wave}";
    static final String OPEN = "POST " + AT + "/surveys/{wave}/open";
    static final String REMIND = "POST " + AT + "/surveys/{wave}/reminders";
    static final String INTERVIEWS = "GET " + AT + "/interviews";
    static final String INTERVIEW = "PUT " + AT + "/interviews/{interviewId}";
    static final String RECOMMEND = "PUT " + AT + "/recommendations";
    static final String REPORT = "GET " + AT + "/report";
    static final String REPORT_CSV = "GET " + AT + "/report.csv";
    static final String QUESTIONS = "GET /public/surveys/answer/{token}";
    static final String ANSWER = "POST /public/surveys/answer/{token}";

    private static final Role[] EVALUATE = {Role.EVALUATOR, Role.PROGRAMME_MANAGER};
    private static final Role[] READ = {Role.EVALUATOR, Role.PROGRAMME_MANAGER, Role.AUDITOR};

    /** Every route and who may call it; template.yaml declares exactly these. */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(SURVEYS, Access.by("read the evaluation's surveys", READ)),
            Map.entry(SURVEY, Access.by("read an evaluation survey", READ)),
            Map.entry(SET_UP, Access.by("set up an evaluation survey", EVALUATE)),
            Map.entry(OPEN, Access.by("open an evaluation survey and invite its contacts", EVALUATE)),
            Map.entry(REMIND, Access.by("remind those who have not answered a survey", EVALUATE)),
            Map.entry(INTERVIEWS, Access.by("read the interview notes", READ)),
            Map.entry(INTERVIEW, Access.by("note a telephone interview", EVALUATE)),
            Map.entry(RECOMMEND, Access.by("record the evaluation's recommendations", EVALUATE)),
            Map.entry(REPORT, Access.by("read the evaluation report", READ)),
            Map.entry(REPORT_CSV, Access.by("download the evaluation report", READ)),
            Map.entry(QUESTIONS, Access.publicly("read a survey through its link")),
            Map.entry(ANSWER, Access.publicly("answer a survey through its link")));

    static final List<String> ALL = List.copyOf(new TreeSet<>(ACCESS.keySet()));

    /** The routes open to anyone, signed in or not. */
    static final List<String> PUBLIC = List.of(ANSWER, QUESTIONS);

    private final SurveyService surveys;
    private final EvaluationNotes notes;
    private final EvaluationReports reports;
    private final String financeClientId;
    private final Clock clock;

    EvaluationRoutes(SurveyService surveys, EvaluationNotes notes, EvaluationReports reports, String financeClientId,
                     Clock clock) {
        this.financeClientId = financeClientId;
        this.surveys = surveys;
        this.notes = notes;
        this.reports = reports;
        this.clock = clock;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor signedIn) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        if (PUBLIC.contains(routeKey)) {
            return Optional.of(publicly(routeKey, HttpRequests.pathId(request, "token"), request));
        }
        String programme = HttpRequests.pathId(request, "programmeId");
        Actor caller = Identity.in(programme, request, financeClientId);
        LocalDate today = LocalDate.now(clock);
        return Optional.ofNullable(switch (routeKey) {
            case SURVEYS -> ok(EvaluationJson.surveys(surveys.surveys(caller, programme), today));
            case SURVEY -> {
                Wave wave = wave(request);
                yield ok(EvaluationJson.survey(surveys.survey(caller, programme, wave),
                        surveys.invitations(caller, programme, wave), today));
            }
            case SET_UP -> {
                Wave wave = wave(request);
                Survey kept = surveys.setUp(caller, programme, wave, EvaluationRequests.setup(bodyOf(request)));
                yield ok(EvaluationJson.survey(kept, surveys.invitations(caller, programme, wave), today));
            }
            case OPEN -> ok(EvaluationJson.sent(surveys.open(caller, programme, wave(request))));
            case REMIND -> ok(EvaluationJson.sent(surveys.remind(caller, programme, wave(request))));
            case INTERVIEWS -> ok(EvaluationJson.interviews(notes.interviews(caller, programme)));
            case INTERVIEW -> {
                EvaluationRequests.Interview interview = EvaluationRequests.interview(bodyOf(request));
                yield ok(EvaluationJson.interview(notes.recordInterview(caller, programme,
                        HttpRequests.pathId(request, "interviewId"), interview.partnershipId(), interview.on(),
                        interview.interviewee(), interview.notes())));
            }
            case RECOMMEND -> ok(EvaluationJson.recommendations(notes.recommend(caller, programme,
                    EvaluationRequests.recommendations(bodyOf(request)))));
            case REPORT -> ok(EvaluationJson.report(reports.report(caller, programme)));
            case REPORT_CSV -> HttpResponses.file(EvaluationCsv.of(reports.report(caller, programme)), "attachment",
                    programme + "-evaluation.csv");
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse publicly(String routeKey, String token, APIGatewayV2HTTPEvent request) {
        if (routeKey.equals(QUESTIONS)) {
            return ok(EvaluationJson.questions(surveys.questions(token)));
        }
        // The link first: a token that opens nothing is the same 404 whatever the body says.
        Survey survey = surveys.questions(token);
        Map<String, String> answers = EvaluationRequests.answers(bodyOf(request));
        surveys.answer(token, answers);
        return ok(EvaluationJson.answered(survey));
    }

    private static Wave wave(APIGatewayV2HTTPEvent request) {
        return EvaluationRequests.wave(HttpRequests.pathId(request, "wave"));
    }

    private static JsonNode bodyOf(APIGatewayV2HTTPEvent request) {
        return request.getBody() == null || request.getBody().isBlank() ? Json.object() : HttpRequests.body(request);
    }

    private static APIGatewayV2HTTPResponse ok(JsonNode body) {
        return HttpResponses.json(200, body);
    }
}
