package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.InvalidInputException;
import grants.core.exports.ExportFile;
import grants.core.ledger.LedgerService;
import grants.core.moneymap.MoneyMapping;
import grants.core.run.IdempotencyKey;
import grants.documents.Json;
import grants.documents.ledger.LedgerCsv;
import grants.documents.ledger.MoneyByPriorityCsv;
import grants.http.Access;
import grants.http.HttpRequests;
import grants.http.HttpResponses;
import grants.http.Identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ledger's routes: read the request, call the use case as the caller is bound in the programme or
 * round ({@code scopeId}), write the JSON or the file. Route keys match template.yaml. The roles a route
 * lets through are checked first; the use case then checks the caller is bound to that scope. Adjustments
 * and overspend requests take an {@code Idempotency-Key}: their id is the caller's own key, so a retry
 * finds what the first made.
 */
final class LedgerRoutes {

    private static final String AT = "/budgets/{scopeId}";

    static final String STATEMENT = "GET " + AT;
    static final String LINE = "PUT " + AT + "/lines/{year}/{lineId}";
    static final String ENTRIES = "GET " + AT + "/entries";
    static final String ADJUST = "POST " + AT + "/adjustments";
    static final String ASK_OVERSPEND = "POST " + AT + "/overspends";
    static final String APPROVE_OVERSPEND = "POST " + AT + "/overspends/{requestId}/approval";
    static final String CARRY_FORWARD = "POST " + AT + "/carry-forward";
    static final String BUDGET_CSV = "GET " + AT + "/budget.csv";
    static final String LEDGER_CSV = "GET " + AT + "/ledger.csv";
    static final String MONEY_BY_PRIORITY = "GET " + AT + "/money-by-priority";
    static final String MONEY_BY_PRIORITY_CSV = "GET " + AT + "/money-by-priority.csv";

    private static final Role[] READ_STATEMENT = {Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.BOARD_MEMBER,
            Role.AUDITOR};
    private static final Role[] READ_LEDGER = {Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.AUDITOR};

    /** Every route and who may call it; template.yaml declares exactly these. */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(STATEMENT, Access.by("read the budget statement", READ_STATEMENT)),
            Map.entry(BUDGET_CSV, Access.by("download the budget statement", READ_STATEMENT)),
            Map.entry(LINE, Access.by("set a budget line", Role.PROGRAMME_MANAGER)),
            Map.entry(ENTRIES, Access.by("read the ledger", READ_LEDGER)),
            Map.entry(LEDGER_CSV, Access.by("download the ledger", READ_LEDGER)),
            Map.entry(ADJUST, Access.by("adjust the ledger", Role.FINANCE_OFFICER)),
            Map.entry(ASK_OVERSPEND, Access.by("ask for an overspend", Role.PROGRAMME_MANAGER)),
            Map.entry(APPROVE_OVERSPEND, Access.by("approve an overspend", Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER)),
            Map.entry(CARRY_FORWARD, Access.by("carry a fund's unawarded money to a second call",
                    Role.PROGRAMME_MANAGER)),
            Map.entry(MONEY_BY_PRIORITY, Access.by("read where a round's money goes", READ_STATEMENT)),
            Map.entry(MONEY_BY_PRIORITY_CSV, Access.by("download where a round's money goes", READ_STATEMENT)));

    static final List<String> ALL = List.copyOf(new TreeSet<>(ACCESS.keySet()));

    private final LedgerService ledger;
    private final MoneyMapping mapping;
    private final String financeClientId;

    LedgerRoutes(LedgerService ledger, MoneyMapping mapping, String financeClientId) {
        this.ledger = ledger;
        this.mapping = mapping;
        this.financeClientId = financeClientId;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor signedIn) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        String scope = HttpRequests.pathId(request, "scopeId");
        Actor caller = Identity.in(scope, request, financeClientId);
        return Optional.ofNullable(switch (routeKey) {
            case STATEMENT -> ok(LedgerJson.statement(ledger.statement(caller, scope)));
            case BUDGET_CSV -> file(scope, LedgerCsv.budget(ledger.statement(caller, scope)));
            case LINE -> ok(LedgerJson.line(ledger.setLine(caller, LedgerRequests.line(scope,
                    HttpRequests.pathId(request, "year"), HttpRequests.pathId(request, "lineId"), bodyOf(request)))));
            case ENTRIES -> ok(LedgerJson.entries(ledger.entries(caller, scope)));
            case LEDGER_CSV -> file(scope, LedgerCsv.ledger(ledger.entries(caller, scope)));
            case ADJUST -> {
                LedgerRequests.Adjustment adjustment = LedgerRequests.adjustment(bodyOf(request));
                yield created(LedgerJson.entry(ledger.adjust(caller, scope, adjustment.year(), adjustment.line(),
                        "adjustment:" + key(request, caller), adjustment.pence(), adjustment.reason())));
            }
            case ASK_OVERSPEND -> {
                LedgerRequests.Overspend overspend = LedgerRequests.overspend(bodyOf(request));
                yield created(LedgerJson.overspend(ledger.requestOverspend(caller, scope, overspend.year(),
                        overspend.line(), key(request, caller), overspend.pence(), overspend.reason())));
            }
            case APPROVE_OVERSPEND -> ok(LedgerJson.entry(ledger.approveOverspend(caller, scope,
                    HttpRequests.pathId(request, "requestId"))));
            case CARRY_FORWARD -> ok(LedgerJson.entries(ledger.carryForward(caller, scope,
                    LedgerRequests.carriedTo(bodyOf(request)))));
            case MONEY_BY_PRIORITY -> ok(MoneyMapJson.of(mapping.ofRound(caller, scope,
                    HttpRequests.query(request, "register"))));
            case MONEY_BY_PRIORITY_CSV -> file(scope, MoneyByPriorityCsv.of(mapping.ofRound(caller, scope,
                    Optional.empty())));
            default -> null;
        });
    }

    /** The caller's own key: another caller's same key names another record. */
    private static String key(APIGatewayV2HTTPEvent request, Actor caller) {
        return HttpRequests.idempotencyKey(request).orElseThrow(() -> InvalidInputException.of(IdempotencyKey.HEADER,
                "is required: a key of your own for this request, so that sending it again records it once"))
                .scopedTo(caller.subject());
    }

    private static JsonNode bodyOf(APIGatewayV2HTTPEvent request) {
        return request.getBody() == null || request.getBody().isBlank() ? Json.object() : HttpRequests.body(request);
    }

    /** A file to be saved, named after its programme or round: {@code l2d-2007-08-budget.csv}. */
    private static APIGatewayV2HTTPResponse file(String scope, ExportFile file) {
        return HttpResponses.file(file, "attachment", scope + "-" + file.name());
    }

    private static APIGatewayV2HTTPResponse ok(JsonNode body) {
        return HttpResponses.json(200, body);
    }

    private static APIGatewayV2HTTPResponse created(JsonNode body) {
        return HttpResponses.json(201, body);
    }
}
