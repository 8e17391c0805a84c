package grants.functions.assessment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.assessment.Assessment;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.CompetencyFramework;
import grants.core.assessment.Profiles;
import grants.core.assessment.RegionalTable;
import grants.core.errors.InvalidInputException;
import grants.documents.CsvFile;
import grants.http.Access;
import grants.http.HttpResponses;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.access.Role.ADVISER;
import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.BOARD_MEMBER;
import static grants.core.access.Role.GOVERNMENT_REVIEWER;
import static grants.core.access.Role.PARTNERSHIP_MEMBER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.pathId;
import static grants.http.HttpRequests.query;

/** The assessment routes: read the request, call the use case, write the JSON. Route keys match template.yaml. */
final class AssessmentRoutes {

    private static final String PARTNERSHIP = "/programmes/{programmeId}/partnerships/{partnershipId}";
    static final String PUT_FRAMEWORK = "PUT /programmes/{programmeId}/competency-framework";
    static final String GET_FRAMEWORK = "GET /programmes/{programmeId}/competency-framework";
    static final String PUT_ASSESSMENT = "PUT " + PARTNERSHIP + "/assessments/{assessmentId}";
    static final String GET_ASSESSMENTS = "GET " + PARTNERSHIP + "/assessments";
    static final String CONFIRM = "POST " + PARTNERSHIP + "/assessments/{assessmentId}/confirm";
    static final String CO_SIGN = "POST " + PARTNERSHIP + "/assessments/{assessmentId}/co-sign";
    static final String GET_PROFILE = "GET " + PARTNERSHIP + "/profile";
    static final String GET_TABLE = "GET /programmes/{programmeId}/assessment-table";

    /**
     * Who may call each route. A partnership's own routes let its members in by the path (the use case
     * then decides who of them: the champion confirms); the Steering Group (board members) reads the table.
     */
    static final Map<String, Access> ACCESS = Map.of(
            PUT_FRAMEWORK, Access.by("set the competency framework", PROGRAMME_MANAGER),
            GET_FRAMEWORK, Access.by("read the competency framework", PROGRAMME_MANAGER, PARTNERSHIP_MEMBER,
                    GOVERNMENT_REVIEWER, BOARD_MEMBER, ADVISER, AUDITOR),
            PUT_ASSESSMENT, Access.by("submit a partnership's assessment").orMemberOf("partnershipId"),
            GET_ASSESSMENTS, Access.by("read a partnership's assessments", PROGRAMME_MANAGER, GOVERNMENT_REVIEWER, AUDITOR)
                    .orMemberOf("partnershipId"),
            CONFIRM, Access.by("confirm a partnership's assessment").orMemberOf("partnershipId"),
            CO_SIGN, Access.by("co-sign a joint review", GOVERNMENT_REVIEWER),
            GET_PROFILE, Access.by("read a partnership's profile", PROGRAMME_MANAGER, GOVERNMENT_REVIEWER, BOARD_MEMBER,
                    AUDITOR).orMemberOf("partnershipId"),
            GET_TABLE, Access.by("read the regional table of assessments", PROGRAMME_MANAGER, BOARD_MEMBER,
                    GOVERNMENT_REVIEWER, AUDITOR));

    static final List<String> ALL = List.copyOf(new java.util.TreeSet<>(ACCESS.keySet()));

    private final AssessmentService service;
    private final Profiles profiles;

    AssessmentRoutes(AssessmentService service, Profiles profiles) {
        this.service = service;
        this.profiles = profiles;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        String programmeId = pathId(request, "programmeId");
        return Optional.ofNullable(switch (routeKey) {
            case PUT_FRAMEWORK -> {
                CompetencyFramework framework = service.setFramework(actor, programmeId,
                        AssessmentJson.readFramework(body(request)));
                yield HttpResponses.json(200, AssessmentJson.framework(framework));
            }
            case GET_FRAMEWORK -> HttpResponses.json(200, AssessmentJson.framework(service.framework(programmeId)));
            case PUT_ASSESSMENT -> submit(request, actor, programmeId);
            case GET_ASSESSMENTS -> HttpResponses.json(200, AssessmentJson.assessments(
                    service.assessmentsOf(programmeId, pathId(request, "partnershipId")),
                    service.mayConfirm(actor, programmeId, pathId(request, "partnershipId"))));
            case CONFIRM -> HttpResponses.json(200, AssessmentJson.assessment(service.confirm(actor, programmeId,
                    pathId(request, "partnershipId"), pathId(request, "assessmentId"))));
            case CO_SIGN -> HttpResponses.json(200, AssessmentJson.assessment(service.coSign(actor, programmeId,
                    pathId(request, "partnershipId"), pathId(request, "assessmentId"))));
            case GET_PROFILE -> HttpResponses.json(200, AssessmentJson.profile(
                    profiles.profile(programmeId, pathId(request, "partnershipId"))));
            case GET_TABLE -> table(request, programmeId);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent request, Actor actor, String programmeId) {
        String assessmentId = pathId(request, "assessmentId");
        if (!assessmentId.matches("[A-Za-z0-9-]{1,64}")) {
            throw InvalidInputException.of("assessmentId", "must be letters, digits and hyphens, at most 64");
        }
        AssessmentJson.AssessmentRequest asked = AssessmentJson.readAssessment(body(request));
        Assessment assessment = service.submit(actor, programmeId, pathId(request, "partnershipId"), assessmentId,
                asked.wave(), asked.kind(), asked.answers());
        return HttpResponses.json(201, AssessmentJson.assessment(assessment));
    }

    /** JSON; with {@code ?format=csv} the same figures as a CSV to save. */
    private APIGatewayV2HTTPResponse table(APIGatewayV2HTTPEvent request, String programmeId) {
        Optional<String> format = query(request, "format");
        format.filter(value -> !value.equals("csv")).ifPresent(value -> {
            throw InvalidInputException.of("format", "must be csv, or left out for JSON");
        });
        RegionalTable table = profiles.table(programmeId);
        if (format.isEmpty()) {
            return HttpResponses.json(200, AssessmentJson.table(table));
        }
        return HttpResponses.file(CsvFile.of("assessment-table.csv", RegionalTable.CSV_HEADER, table.csvRows()),
                "attachment", programmeId + "-assessment-table.csv");
    }
}
