package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.governance.ForbiddenActionException;
import grants.core.governance.GovernanceService;
import grants.core.governance.Meeting;
import grants.core.governance.RequestKey;
import grants.core.governance.ReviewRecord;
import grants.core.run.IdempotencyKey;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpRequests;
import grants.http.HttpResponses;
import grants.http.Identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Governance's routes: read the request, call the use case as the caller is bound in the register,
 * write the JSON. Route keys match template.yaml. Who may do what is the use case's to say (G12):
 * every signed-in route lets any role through to it, so that a refusal names its G12 reason
 * ({@code NOT_ALLOWED} as a 403 naming its subject, the rest as 409s), and changes nothing. Every POST
 * takes an {@code Idempotency-Key}: sent again, the same request is answered with what it made.
 */
final class GovernRoutes {

    private static final String AT = "/registers/{registerId}/governance";

    static final String BODY = "PUT " + AT + "/bodies/{bodyId}";
    static final String MEETING = "PUT " + AT + "/bodies/{bodyId}/meetings/{meetingDate}";
    static final String QUORUM = "GET " + AT + "/bodies/{bodyId}/meetings/{meetingDate}/quorum";
    static final String EXCEPTIONS = "GET " + AT + "/board-meetings/{meetingDate}/exceptions";
    static final String DECIDE = "POST " + AT + "/decisions";
    static final String LOG = "GET " + AT + "/decisions";
    static final String UPDATE = "POST " + AT + "/actions/{actionId}/updates";
    static final String COMPLETE = "POST " + AT + "/actions/{actionId}/completion";
    static final String ANSWER = "POST " + AT + "/recommendations/{recommendationId}/answer";
    static final String MY_WORK = "GET " + AT + "/my-work";
    static final String SCOPE = "POST " + AT + "/reviews";
    static final String EVIDENCE = "POST " + AT + "/reviews/{reviewId}/evidence";
    static final String FINDING = "POST " + AT + "/reviews/{reviewId}/findings";
    static final String COVERAGE = "GET " + AT + "/coverage";
    static final String PUBLIC_LOG = "GET /public" + AT + "/decisions";
    // A meeting's papers and the public log: GovernPapersRoutes answers these.
    static final String PACK = "GET " + AT + "/board-meetings/{meetingDate}/pack";
    static final String MINUTES = "GET " + AT + "/bodies/{bodyId}/meetings/{meetingDate}/minutes";
    // The console's reads (GovernanceReads).
    static final String BODIES = "GET " + AT + "/bodies";
    static final String MEETING_READ = "GET " + AT + "/bodies/{bodyId}/meetings/{meetingDate}";
    static final String REVIEWS = "GET " + AT + "/reviews";
    static final String REVIEW = "GET " + AT + "/reviews/{reviewId}";
    static final String STANDING = "GET " + AT + "/standing";

    /** Every route and who may call it; template.yaml declares exactly these. */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(BODY, Access.anyone("set up a body (the clerk)")),
            Map.entry(MEETING, Access.anyone("record a meeting (the clerk)")),
            Map.entry(QUORUM, Access.anyone("see an item's quorum as it will be counted")),
            Map.entry(EXCEPTIONS, Access.anyone("see a board meeting's exceptions")),
            Map.entry(DECIDE, Access.anyone("record a decision (the clerk)")),
            Map.entry(LOG, Access.anyone("read the decisions log")),
            Map.entry(UPDATE, Access.anyone("post an update on your action")),
            Map.entry(COMPLETE, Access.anyone("complete your action")),
            Map.entry(ANSWER, Access.anyone("answer a recommendation made to you")),
            Map.entry(MY_WORK, Access.anyone("see your actions and recommendations")),
            Map.entry(SCOPE, Access.anyone("scope a review (scrutiny)")),
            Map.entry(EVIDENCE, Access.anyone("record a review's evidence (scrutiny)")),
            Map.entry(FINDING, Access.anyone("write a review's finding (scrutiny)")),
            Map.entry(COVERAGE, Access.anyone("see which theme groups scrutiny has reviewed")),
            Map.entry(PUBLIC_LOG, Access.publicly("read the published decisions, actions and recommendations")),
            Map.entry(PACK, Access.anyone("read a board pack with its governance section")),
            Map.entry(MINUTES, Access.anyone("read a meeting's minutes")),
            Map.entry(GovernanceOpenData.DECISIONS_CSV, Access.publicly("download the published decisions")),
            Map.entry(GovernanceOpenData.ACTIONS_CSV, Access.publicly("download the published actions")),
            Map.entry(GovernanceOpenData.RECOMMENDATIONS_CSV, Access.publicly("download the published recommendations")),
            Map.entry(BODIES, Access.anyone("see the bodies and their meetings")),
            Map.entry(MEETING_READ, Access.anyone("see a meeting and its decisions")),
            Map.entry(REVIEWS, Access.anyone("see scrutiny's reviews")),
            Map.entry(REVIEW, Access.anyone("see a review")),
            Map.entry(STANDING, Access.anyone("see where every action and recommendation stands")));

    static final List<String> ALL = List.copyOf(new TreeSet<>(ACCESS.keySet()));

    static final List<String> PUBLIC = ALL.stream().filter(route -> !ACCESS.get(route).signInNeeded()).toList();

    private final Function<String, GovernanceService> registers;
    private final String financeClientId;

    /** @param registers governance's use cases for a register, whose audit trail they write in */
    GovernRoutes(Function<String, GovernanceService> registers, String financeClientId) {
        this.registers = registers;
        this.financeClientId = financeClientId;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor signedIn) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        String registerId = HttpRequests.pathId(request, "registerId");
        Actor caller = callerIn(registerId, request, signedIn, financeClientId);
        GovernanceService governance = underItsKey(request, caller, registers.apply(registerId));
        try {
            return Optional.ofNullable(answer(routeKey, request, caller, registerId, governance));
        } catch (ForbiddenActionException refused) {
            ObjectNode body = Json.object();
            body.putObject("error").put("code", refused.refusal().name()).put("subject", refused.subject())
                    .put("message", refused.getMessage()).putArray("details");
            return Optional.of(HttpResponses.json(403, body));
        }
    }

    /** The caller as they are bound in the register (the person their binding names), or nobody signed in. */
    static Actor callerIn(String registerId, APIGatewayV2HTTPEvent request, Actor signedIn, String financeClientId) {
        return signedIn == Actor.ANONYMOUS ? signedIn : Identity.in(registerId, request, financeClientId);
    }

    /**
     * A POST sent with an {@code Idempotency-Key}: the use cases for that request, the key its caller's
     * own and bound to the route, its path and its body as sent, so a retry is answered with what the
     * first made and changes nothing.
     */
    private static GovernanceService underItsKey(APIGatewayV2HTTPEvent request, Actor caller,
                                                 GovernanceService governance) {
        Optional<IdempotencyKey> key = request.getRouteKey() != null && request.getRouteKey().startsWith("POST ")
                ? HttpRequests.idempotencyKey(request) : Optional.empty();
        return key.map(k -> governance.forRequest(new RequestKey(k.scopedTo(caller.subject()), IdempotencyKey
                .fingerprint(request.getRouteKey(), new java.util.TreeMap<>(request.getPathParameters()),
                        request.getBody())))).orElse(governance);
    }

    private static APIGatewayV2HTTPResponse answer(String routeKey, APIGatewayV2HTTPEvent request, Actor caller,
                                                   String registerId, GovernanceService governance) {
        JsonNode body = GovernanceRequests.bodyOf(request);
        return switch (routeKey) {
            case BODY -> ok(GovernanceJson.body(governance.setUpBody(caller,
                    GovernanceRequests.body(path(request, "bodyId"), body))));
            case MEETING -> ok(GovernanceJson.meeting(governance.recordMeeting(caller, new Meeting(
                    path(request, "bodyId"), GovernanceRequests.day(request, "meetingDate"),
                    GovernanceRequests.present(body)))));
            case QUORUM -> ok(GovernanceJson.quorum(governance.quorumFor(caller, path(request, "bodyId"),
                    GovernanceRequests.day(request, "meetingDate"), GovernanceRequests.declaredIn(request),
                    HttpRequests.query(request, "about"))));
            case EXCEPTIONS -> ok(GovernanceJson.exceptions(governance.exceptions(caller,
                    GovernanceRequests.day(request, "meetingDate"))));
            case DECIDE -> created(GovernanceJson.decision(governance.decide(caller,
                    GovernanceRequests.decision(body))));
            case LOG -> ok(GovernanceJson.log(registerId, governance.decisionsLog(caller)));
            case UPDATE -> created(GovernanceJson.action(governance.update(caller, path(request, "actionId"),
                    GovernanceRequests.update(body))));
            case COMPLETE -> ok(GovernanceJson.action(governance.complete(caller, path(request, "actionId"),
                    GovernanceRequests.completion(body))));
            case ANSWER -> {
                GovernanceRequests.Answer answer = GovernanceRequests.answer(body);
                yield ok(GovernanceJson.recommendation(governance.respond(caller, path(request, "recommendationId"),
                        answer.answer(), answer.reason(), answer.actions())));
            }
            case MY_WORK -> ok(GovernanceJson.myWork(governance.myWork(caller)));
            case SCOPE -> {
                GovernanceRequests.Scope scope = GovernanceRequests.scope(body);
                yield created(review(governance, caller, governance.scope(caller, scope.id(), scope.body(),
                        scope.indicators())));
            }
            case EVIDENCE -> {
                GovernanceRequests.Evidence evidence = GovernanceRequests.evidence(body);
                yield created(review(governance, caller, governance.addEvidence(caller, path(request, "reviewId"),
                        evidence.id(), evidence.kind(), evidence.summary())));
            }
            case FINDING -> {
                GovernanceRequests.Finding finding = GovernanceRequests.finding(body);
                yield created(review(governance, caller, governance.addFinding(caller, path(request, "reviewId"),
                        finding.id(), finding.text(), finding.evidence())));
            }
            case COVERAGE -> ok(GovernanceJson.coverage(registerId, governance.coverage(caller)));
            case BODIES -> ok(GovernanceJson.bodies(registerId, governance.reads().bodies(caller)));
            case MEETING_READ -> ok(GovernanceJson.meeting(governance.reads().meeting(caller, path(request, "bodyId"),
                    GovernanceRequests.day(request, "meetingDate"))));
            case REVIEWS -> ok(GovernanceJson.reviews(registerId, governance.reads().reviews(caller)));
            case REVIEW -> ok(GovernanceJson.review(governance.reads().review(caller, path(request, "reviewId"))));
            case STANDING -> ok(GovernanceJson.myWork(governance.reads().everything(caller)));
            default -> null;
        };
    }

    private static JsonNode review(GovernanceService governance, Actor caller, ReviewRecord review) {
        return GovernanceJson.review(review, governance.reviewState(caller, review.id()));
    }

    private static String path(APIGatewayV2HTTPEvent request, String name) {
        return HttpRequests.pathId(request, name);
    }

    private static APIGatewayV2HTTPResponse ok(JsonNode body) {
        return HttpResponses.json(200, body);
    }

    private static APIGatewayV2HTTPResponse created(JsonNode body) {
        return HttpResponses.json(201, body);
    }
}
