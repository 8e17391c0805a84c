package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.BindingService;
import grants.core.audit.AuditLog;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.exports.ExportLinks;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.Replaced;
import grants.core.rounds.RoundAwards;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundPanels;
import grants.core.rounds.RoundRenderer;
import grants.core.rounds.RoundService;
import grants.core.rounds.SeparateIds;
import grants.core.rounds.Stage;
import grants.http.Access;
import grants.http.AuditPages;
import grants.http.HttpResponses;
import grants.http.PageRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.BOARD_MEMBER;
import static grants.core.access.Role.FINANCE_OFFICER;
import static grants.core.access.Role.PANEL_MEMBER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.core.access.Role.SUB_GROUP;
import static grants.core.access.Role.PROPOSER;
import static grants.core.access.Role.SUB_GROUP;
import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.pathId;

/**
 * A commissioning round's routes, stage by stage: read the request, call the use case, write the
 * JSON. Every change, stage changes and meetings included, is recorded by its use case in the
 * store's transaction; a route records only the download links it hands out. Route keys match template.yaml.
 */
final class RoundRoutes {

    static final String LIST_ROUNDS = "GET /rounds";
    static final String PUT_ROUND = "PUT /rounds/{roundId}";
    static final String GET_ROUND = "GET /rounds/{roundId}";
    static final String PUT_BALLOT = "PUT /rounds/{roundId}/ballots/{voterId}";
    static final String CLOSE_VOTING = "POST /rounds/{roundId}/close-voting";
    static final String GET_TALLY = "GET /rounds/{roundId}/tally";
    static final String PUT_SPECIFICATION = "PUT /rounds/{roundId}/specifications/{specificationId}";
    static final String PUT_PANEL = "PUT /rounds/{roundId}/panels/{specificationId}";
    static final String GET_PANEL = "GET /rounds/{roundId}/panels/{specificationId}";
    static final String ADD_PANEL_MEMBER = "POST /rounds/{roundId}/panels/{specificationId}/members";
    static final String GET_PEOPLE = "GET /rounds/{roundId}/people";
    static final String PUBLISH = "POST /rounds/{roundId}/publish";
    static final String PUBLIC_SPECIFICATIONS = "GET /public/rounds/{roundId}/specifications";
    static final String PUT_PROPOSAL = "PUT /rounds/{roundId}/proposals/{proposalId}";
    static final String GET_PROPOSALS = "GET /rounds/{roundId}/proposals";
    static final String GET_PROPOSAL = "GET /rounds/{roundId}/proposals/{proposalId}";
    static final String CLOSE_PROPOSALS = "POST /rounds/{roundId}/close-proposals";
    static final String PUT_DECLARATION = "PUT /rounds/{roundId}/declarations/{memberId}";
    static final String GET_DECLARATION = "GET /rounds/{roundId}/declarations/{memberId}";
    static final String PUT_SCORE = "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}";
    static final String GET_SCORES = "GET /rounds/{roundId}/proposals/{proposalId}/scores";
    static final String PUT_MODERATION = "PUT /rounds/{roundId}/proposals/{proposalId}/moderation";
    static final String CONFIRM_MODERATION = "POST /rounds/{roundId}/proposals/{proposalId}/moderation/confirm";
    static final String POST_MEETING = "POST /rounds/{roundId}/meetings";
    static final String GET_MEETINGS = "GET /rounds/{roundId}/meetings";
    static final String DECIDE = "POST /rounds/{roundId}/decide";
    static final String GET_DECISIONS = "GET /rounds/{roundId}/decisions";
    static final String PUT_OVERRIDE = "PUT /rounds/{roundId}/proposals/{proposalId}/override";
    static final String PUBLISH_DECISIONS = "POST /rounds/{roundId}/publish-decisions";
    static final String GET_DECISION = "GET /rounds/{roundId}/proposals/{proposalId}/decision";
    static final String GET_CONTRACTS = "GET /rounds/{roundId}/contracts";
    static final String GET_AUDIT = "GET /rounds/{roundId}/audit";

    /** Every route this function serves and who may call it; template.yaml must declare exactly these routes. */
    static final Map<String, Access> ACCESS = withFairRoutes(Map.ofEntries(
            Map.entry(LIST_ROUNDS, Access.anyone("list the commissioning rounds")),
            Map.entry(PUT_ROUND, Access.by("set up a commissioning round", PROGRAMME_MANAGER)),
            Map.entry(GET_ROUND, Access.anyone("see a commissioning round")),
            Map.entry(PUT_BALLOT, Access.by("vote with dots", BOARD_MEMBER)),
            Map.entry(CLOSE_VOTING, Access.by("close the vote", PROGRAMME_MANAGER)),
            Map.entry(GET_TALLY, Access.by("see the dots", PROGRAMME_MANAGER, AUDITOR, BOARD_MEMBER, SUB_GROUP)),
            Map.entry(PUT_SPECIFICATION, Access.by("write a specification", PROGRAMME_MANAGER, SUB_GROUP)),
            Map.entry(PUT_PANEL, Access.by("name a selection panel", PROGRAMME_MANAGER)),
            Map.entry(GET_PANEL, Access.by("see a panel and its warnings", PROGRAMME_MANAGER, AUDITOR, SUB_GROUP)),
            Map.entry(ADD_PANEL_MEMBER, Access.by("add a panel member", PROGRAMME_MANAGER, SUB_GROUP)),
            Map.entry(GET_PEOPLE, Access.by("see who is bound in the round, to name a panel", PROGRAMME_MANAGER, SUB_GROUP)),
            Map.entry(PUBLISH, Access.by("publish the specifications", PROGRAMME_MANAGER)),
            Map.entry(PUBLIC_SPECIFICATIONS, Access.publicly("read the published specifications")),
            Map.entry(PUT_PROPOSAL, Access.by("send a proposal", PROPOSER)),
            Map.entry(GET_PROPOSALS, Access.by("read proposals", PROGRAMME_MANAGER, AUDITOR, PROPOSER, PANEL_MEMBER)),
            Map.entry(GET_PROPOSAL, Access.by("read a proposal", PROGRAMME_MANAGER, AUDITOR, PROPOSER, PANEL_MEMBER)),
            Map.entry(CLOSE_PROPOSALS, Access.by("close proposals", PROGRAMME_MANAGER)),
            Map.entry(PUT_DECLARATION, Access.by("declare interests", PANEL_MEMBER)),
            Map.entry(GET_DECLARATION, Access.by("see what to declare interests in", PANEL_MEMBER)),
            Map.entry(PUT_SCORE, Access.by("score a proposal", PANEL_MEMBER)),
            Map.entry(GET_SCORES, Access.by("see a proposal's scores", PROGRAMME_MANAGER, AUDITOR, PANEL_MEMBER)),
            Map.entry(PUT_MODERATION, Access.by("record a moderated score", PANEL_MEMBER)),
            Map.entry(CONFIRM_MODERATION, Access.by("confirm a panel member's moderated score", PROGRAMME_MANAGER,
                    PANEL_MEMBER)),
            Map.entry(POST_MEETING, Access.by("schedule or note a meeting with proposers", PROGRAMME_MANAGER, PANEL_MEMBER)),
            Map.entry(GET_MEETINGS, Access.by("see the panels' meetings", PROGRAMME_MANAGER, AUDITOR, PANEL_MEMBER)),
            Map.entry(DECIDE, Access.by("decide the awards", PROGRAMME_MANAGER)),
            Map.entry(GET_DECISIONS, Access.by("see every decision", PROGRAMME_MANAGER, AUDITOR, FINANCE_OFFICER)),
            Map.entry(PUT_OVERRIDE, Access.by("override a recommendation", PROGRAMME_MANAGER)),
            Map.entry(PUBLISH_DECISIONS, Access.by("publish the decisions", PROGRAMME_MANAGER)),
            Map.entry(GET_DECISION, Access.by("see a proposal's decision", PROGRAMME_MANAGER, AUDITOR, PROPOSER)),
            Map.entry(GET_CONTRACTS, Access.by("see the contracts", PROGRAMME_MANAGER, FINANCE_OFFICER, AUDITOR)),
            Map.entry(GET_AUDIT, Access.by("read the round's audit trail", PROGRAMME_MANAGER, AUDITOR))));

    private static Map<String, Access> withFairRoutes(Map<String, Access> routes) {
        Map<String, Access> all = new java.util.HashMap<>(routes);
        all.putAll(FairRoutes.ACCESS);
        all.putAll(SecondCallRoutes.ACCESS);
        return Map.copyOf(all);
    }

    static final List<String> ALL = List.copyOf(new java.util.TreeSet<>(ACCESS.keySet()));

    /** The routes anyone may call without signing in. */
    static final List<String> PUBLIC = ALL.stream().filter(route -> !ACCESS.get(route).signInNeeded()).toList();

    private final RoundService rounds;
    private final RoundPanels panels;
    private final RoundAwards awards;
    private final ExportLinks links;
    private final AuditLog audit;
    private final SeparateIds ids;
    private final Duration linkExpiry;
    private final FairRoutes fair;
    private final BindingService bindings;
    private final SecondCallRoutes secondCall;

    RoundRoutes(RoundService rounds, RoundPanels panels, RoundAwards awards, ExportLinks links, AuditLog audit,
                SeparateIds ids, Duration linkExpiry, FairRoutes fair, BindingService bindings,
                SecondCallRoutes secondCall) {
        this.secondCall = secondCall;
        this.fair = fair;
        this.bindings = bindings;
        this.ids = ids;
        this.rounds = rounds;
        this.panels = panels;
        this.awards = awards;
        this.links = links;
        this.audit = audit;
        this.linkExpiry = linkExpiry;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        if (!ACCESS.containsKey(routeKey)) {
            return Optional.empty();
        }
        if (routeKey.equals(LIST_ROUNDS)) {
            // Only the rounds the caller is bound in (or every one, bound everywhere): no binding, no rounds.
            return Optional.of(json(RoundViews.rounds(rounds.rounds().stream()
                    .filter(header -> actor.worksOn(header.roundId())).toList())));
        }
        String roundId = pathId(request, "roundId");
        if (FairRoutes.ACCESS.containsKey(routeKey)) {
            return Optional.of(fair.handle(routeKey, request, actor, roundId));
        }
        if (SecondCallRoutes.ACCESS.containsKey(routeKey)) {
            return Optional.of(secondCall.handle(routeKey, actor, roundId));
        }
        return Optional.of(switch (routeKey) {
            case PUT_ROUND -> setUp(request, actor, roundId);
            case GET_ROUND -> json(RoundViews.round(rounds.header(roundId), rounds.ownBallot(actor, roundId), isStaff(actor)));
            case PUT_BALLOT -> vote(request, actor, roundId);
            case CLOSE_VOTING -> closeVoting(actor, roundId);
            case GET_TALLY -> json(RoundViews.tally(roundId, rounds.tally(roundId)));
            case PUT_SPECIFICATION -> specify(request, actor, roundId);
            case PUT_PANEL -> namePanel(request, actor, roundId);
            case GET_PANEL -> json(RoundViews.panel(panels.panelCheck(actor, roundId, pathId(request, "specificationId")),
                    rounds.panel(roundId, pathId(request, "specificationId"))));
            case ADD_PANEL_MEMBER -> addPanelMember(request, actor, roundId);
            case GET_PEOPLE -> people(actor, roundId);
            case PUBLISH -> publish(request, actor, roundId);
            case PUBLIC_SPECIFICATIONS -> json(RoundViews.specifications(rounds.header(roundId),
                    rounds.publishedSpecifications(roundId)));
            case PUT_PROPOSAL -> propose(request, actor, roundId);
            case GET_PROPOSALS -> json(RoundViews.proposals(roundId, panels.proposals(actor, roundId)));
            case GET_PROPOSAL -> json(RoundViews.proposal(panels.proposal(actor, roundId, pathId(request, "proposalId"))));
            case CLOSE_PROPOSALS -> closeProposals(actor, roundId);
            case PUT_DECLARATION -> declare(request, actor, roundId);
            case GET_DECLARATION -> json(RoundViews.toDeclare(panels.toDeclare(actor, roundId, pathId(request, "memberId"))));
            case PUT_SCORE -> score(request, actor, roundId);
            case GET_SCORES -> scores(actor, roundId, pathId(request, "proposalId"));
            case PUT_MODERATION -> moderate(request, actor, roundId);
            case CONFIRM_MODERATION -> confirmModeration(actor, roundId, pathId(request, "proposalId"));
            case POST_MEETING -> meet(request, actor, roundId);
            case GET_MEETINGS -> json(RoundViews.meetings(roundId, panels.meetings(actor, roundId)));
            case DECIDE -> decide(actor, roundId, DecisionPages.request(request));
            case GET_DECISIONS -> decisions(actor, roundId, DecisionPages.request(request));
            case PUT_OVERRIDE -> override(request, actor, roundId);
            case PUBLISH_DECISIONS -> publishDecisions(actor, roundId);
            case GET_DECISION -> decision(actor, roundId, pathId(request, "proposalId"));
            case GET_CONTRACTS -> contracts(actor, roundId);
            case GET_AUDIT -> audit(request, roundId);
            default -> throw new IllegalStateException("route in ACCESS without a handler: " + routeKey);
        });
    }

    private static boolean isStaff(Actor actor) {
        return actor.has(PROGRAMME_MANAGER) || actor.has(AUDITOR);
    }

    private APIGatewayV2HTTPResponse setUp(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        RoundSetup setup = RoundRequests.setup(body(request), roundId);
        ids.refuseRoundIdOfAProgramme(roundId);
        RoundHeader header = rounds.setUp(actor, setup);
        return json(RoundViews.round(header, Optional.empty(), true));
    }

    private APIGatewayV2HTTPResponse vote(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        Ballot ballot = rounds.vote(actor, roundId, RoundRequests.ballot(body(request), pathId(request, "voterId")));
        ObjectNode response = grants.documents.Json.object().put("voter", ballot.voter());
        ArrayNode dots = response.putArray("dots");
        ballot.dots().forEach(dots::add);
        return json(response);
    }

    private APIGatewayV2HTTPResponse closeVoting(Actor actor, String roundId) {
        Priorities priorities = rounds.closeVoting(actor, roundId);
        return json(RoundViews.tally(roundId, priorities));
    }

    private APIGatewayV2HTTPResponse specify(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        Replaced<Specification> written = rounds.specify(actor, roundId,
                RoundRequests.specification(body(request), pathId(request, "specificationId")));
        Specification specification = written.after();
        return json(grants.documents.commissioning.RoundDocuments.specification(specification));
    }


    private APIGatewayV2HTTPResponse namePanel(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        Panel panel = rounds.namePanel(actor, roundId, RoundRequests.panel(body(request), pathId(request, "specificationId")))
                .after();
        return json(grants.documents.commissioning.RoundDocuments.panel(panel));
    }


    /** Who is bound in the round with a person id: whom a manager or a sub-group chooses a panel member from. */
    private APIGatewayV2HTTPResponse people(Actor actor, String roundId) {
        rounds.header(roundId); // 404 for no such round
        return json(RoundViews.people(roundId, bindings.people(actor, roundId)));
    }

    /** The member is added, and its audit entry written, by the use case in the store's one transaction. */
    private APIGatewayV2HTTPResponse addPanelMember(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        String specificationId = pathId(request, "specificationId");
        Panel panel = rounds.addPanelMember(actor, roundId, specificationId, RoundRequests.panelMember(body(request)));
        return json(RoundViews.panel(panels.panelCheck(actor, roundId, specificationId), panel));
    }

    private APIGatewayV2HTTPResponse publish(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        RoundHeader header = rounds.publish(actor, roundId, RoundRequests.closingDate(body(request)));
        return json(RoundViews.specifications(header, rounds.publishedSpecifications(roundId)));
    }

    private APIGatewayV2HTTPResponse propose(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        RoundPanels.Sent sent = panels.propose(actor, roundId,
                RoundRequests.proposal(body(request), pathId(request, "proposalId")));
        RoundPanels.Checked checked = sent.checked();
        return json(RoundViews.proposal(checked));
    }


    private APIGatewayV2HTTPResponse closeProposals(Actor actor, String roundId) {
        RoundHeader header = rounds.closeProposals(actor, roundId);
        return json(RoundViews.round(header, Optional.empty(), true));
    }

    private APIGatewayV2HTTPResponse declare(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        String memberId = pathId(request, "memberId");
        RoundRequests.Declaration declaration = RoundRequests.declaration(body(request));
        List<String> interests = panels.declare(actor, roundId, memberId, declaration.proposals(), declaration.interests());
        ObjectNode response = grants.documents.Json.object().put("member", memberId);
        ArrayNode list = response.putArray("interests");
        interests.forEach(list::add);
        return json(response);
    }

    private APIGatewayV2HTTPResponse score(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        String proposalId = pathId(request, "proposalId");
        String memberId = pathId(request, "memberId");
        ScoreSheet sheet = RoundRequests.score(body(request), proposalId, memberId);
        Fraction score = panels.score(actor, roundId, sheet);
        return json(grants.documents.Json.object().put("proposal", proposalId).put("member", memberId)
                .put("score", score.format()));
    }

    private APIGatewayV2HTTPResponse moderate(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        RecordedModeration recorded = panels.moderate(actor, roundId,
                RoundRequests.moderation(body(request), pathId(request, "proposalId")));
        return json(RoundViews.moderation(recorded));
    }

    private APIGatewayV2HTTPResponse confirmModeration(Actor actor, String roundId, String proposalId) {
        return json(RoundViews.moderation(panels.confirmModeration(actor, roundId, proposalId)));
    }

    /** A proposal's scores and its moderation, pending or confirmed, so the panel sees what awaits confirmation. */
    private APIGatewayV2HTTPResponse scores(Actor actor, String roundId, String proposalId) {
        ObjectNode view = RoundViews.scores(proposalId, rounds.header(roundId).setup(),
                panels.scores(actor, roundId, proposalId));
        panels.moderation(actor, roundId, proposalId).ifPresent(m -> view.set("moderation", RoundViews.moderation(m)));
        panels.spread(actor, roundId, proposalId).ifPresent(spread -> view.set("spread", RoundViews.spread(spread)));
        return json(view);
    }

    /** A proposal's decision; once published, an awarded one shows its contract and whether its lead has accepted it. */
    private APIGatewayV2HTTPResponse decision(Actor actor, String roundId, String proposalId) {
        ObjectNode view = RoundViews.decision(awards.decisionFor(actor, roundId, proposalId));
        if (rounds.header(roundId).stage() == Stage.PUBLISHED) {
            List<grants.core.commissioning.Contract> own = awards.contracts(roundId).stream()
                    .filter(contract -> contract.proposalId().equals(proposalId)).toList();
            fair.acceptances().contracts(roundId, own).forEach(accepted -> view.set("contract", FairRoutes.acceptance(
                    (ObjectNode) RoundViews.contracts(roundId, own).get("contracts").get(0), accepted)));
        }
        return json(view);
    }

    private APIGatewayV2HTTPResponse meet(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        Meeting meeting = fair.meetings().schedule(actor, roundId, RoundRequests.meeting(body(request))).after();
        return json(RoundViews.meetings(roundId, List.of(meeting)));
    }

    /** Answers the first page of the decisions (or the page asked for); the rest are read as GET_DECISIONS pages. */
    private APIGatewayV2HTTPResponse decide(Actor actor, String roundId, PageRequest page) {
        RoundOutcome outcome = awards.decide(actor, roundId);
        return json(RoundViews.outcome(rounds.header(roundId).stage().name(), outcome, page));
    }

    /** Finance sees the decisions once published; the manager and auditors at any time. */
    private APIGatewayV2HTTPResponse decisions(Actor actor, String roundId, PageRequest page) {
        Stage stage = rounds.header(roundId).stage();
        if (!isStaff(actor) && stage != Stage.PUBLISHED) {
            throw RoundAwards.notPublished(roundId);
        }
        return json(RoundViews.outcome(stage.name(), awards.outcome(roundId), page));
    }

    private APIGatewayV2HTTPResponse override(APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        ManagerDecision decision = RoundRequests.override(body(request), pathId(request, "proposalId"), actor.name());
        ProposalOutcome after = awards.override(actor, roundId, decision);
        return json(RoundViews.decision(after));
    }

    private APIGatewayV2HTTPResponse publishDecisions(Actor actor, String roundId) {
        awards.publish(actor, roundId);
        return contracts(actor, roundId);
    }

    /** The round's own audit trail, newest first: kept under the round, never a programme's. */
    private APIGatewayV2HTTPResponse audit(APIGatewayV2HTTPEvent request, String roundId) {
        rounds.header(roundId); // 404 for no such round
        return AuditPages.respond(audit, request, "roundId", roundId);
    }

    /** The contracts, with presigned download links to finance's files: who was given links is recorded. */
    private APIGatewayV2HTTPResponse contracts(Actor actor, String roundId) {
        List<grants.core.commissioning.Contract> published = awards.contracts(roundId);
        ObjectNode response = RoundViews.contracts(roundId, published);
        // Each contract shows whether its lead organisation has accepted it, when and by whom.
        List<grants.core.rounds.ContractAcceptances.Accepted> accepted = fair.acceptances().contracts(roundId, published);
        for (int i = 0; i < accepted.size(); i++) {
            FairRoutes.acceptance((ObjectNode) response.get("contracts").get(i), accepted.get(i));
        }
        ObjectNode files = response.putObject("files");
        for (String name : List.of("payments.csv", "contracts.csv", "proposals.csv", "priorities.csv", "360giving.json",
                "round-report.html", "manifest.json")) {
            files.put(name, links.link(RoundRenderer.prefix(roundId) + name, linkExpiry).toString());
        }
        audit.record(actor, roundId, "DECISION_LINKS_ISSUED", "decisions of round " + roundId, null, files.size()
                + " download links, valid " + linkExpiry.toSeconds() + " seconds");
        return json(response);
    }

    private static APIGatewayV2HTTPResponse json(com.fasterxml.jackson.databind.JsonNode body) {
        return HttpResponses.json(200, body);
    }
}
