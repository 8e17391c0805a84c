package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.rounds.ContractAcceptances;
import grants.core.rounds.LateInterests;
import grants.core.rounds.ProposerMeetings;
import grants.core.rounds.RoundSchedules;
import grants.core.rounds.RoundThemes;
import grants.core.money.Money;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpResponses;

import java.util.List;
import java.util.Map;

import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.FINANCE_OFFICER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.core.access.Role.PROPOSER;
import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.pathId;

/**
 * The round's routes that keep it fair to every proposer: a cross-cutting theme added after the vote,
 * late-declared interests, each contract's schedule before publishing, a lead organisation accepting
 * its contract, and a proposer's panel meetings. Each change is audited by its use case.
 */
final class FairRoutes {

    static final String ADD_THEME = "POST /rounds/{roundId}/cross-cutting-themes";
    static final String PUT_LATE_INTEREST = "PUT /rounds/{roundId}/proposals/{proposalId}/late-interests/{memberId}";
    static final String GET_SCHEDULE = "GET /rounds/{roundId}/schedule";
    static final String ACCEPT_CONTRACT = "POST /rounds/{roundId}/contracts/{contractId}/accept";
    static final String GET_PROPOSAL_MEETINGS = "GET /rounds/{roundId}/proposals/{proposalId}/meetings";

    static final Map<String, Access> ACCESS = Map.of(
            ADD_THEME, Access.by("add a cross-cutting theme", PROGRAMME_MANAGER),
            PUT_LATE_INTEREST, Access.by("record a late-declared interest", PROGRAMME_MANAGER),
            GET_SCHEDULE, Access.by("see each contract's payment schedule", PROGRAMME_MANAGER, AUDITOR, FINANCE_OFFICER),
            ACCEPT_CONTRACT, Access.by("accept a contract for the lead organisation", PROPOSER),
            GET_PROPOSAL_MEETINGS, Access.by("see a proposal's panel meetings", PROGRAMME_MANAGER, AUDITOR, PROPOSER));

    private final RoundThemes themes;
    private final LateInterests lateInterests;
    private final RoundSchedules schedules;
    private final ContractAcceptances acceptances;
    private final ProposerMeetings meetings;

    FairRoutes(RoundThemes themes, LateInterests lateInterests, RoundSchedules schedules, ContractAcceptances acceptances,
               ProposerMeetings meetings) {
        this.themes = themes;
        this.lateInterests = lateInterests;
        this.schedules = schedules;
        this.acceptances = acceptances;
        this.meetings = meetings;
    }

    ProposerMeetings meetings() {
        return meetings;
    }

    ContractAcceptances acceptances() {
        return acceptances;
    }

    APIGatewayV2HTTPResponse handle(String routeKey, APIGatewayV2HTTPEvent request, Actor actor, String roundId) {
        return HttpResponses.json(200, switch (routeKey) {
            case ADD_THEME -> {
                ObjectNode node = Json.object().put("roundId", roundId);
                ArrayNode list = node.putArray("crossCuttingThemes");
                themes.add(actor, roundId, RoundRequests.theme(body(request)))
                        .forEach(theme -> list.addObject().put("id", theme.id()).put("title", theme.title()));
                yield node;
            }
            case PUT_LATE_INTEREST -> {
                String memberId = pathId(request, "memberId");
                List<String> interests = lateInterests.record(actor, roundId, memberId, pathId(request, "proposalId"),
                        RoundRequests.lateInterestReason(body(request)));
                ObjectNode node = Json.object().put("member", memberId);
                ArrayNode list = node.putArray("interests");
                interests.forEach(list::add);
                yield node;
            }
            case GET_SCHEDULE -> schedule(schedules.schedules(actor, roundId), roundId);
            case ACCEPT_CONTRACT -> accepted(acceptances.accept(actor, roundId, pathId(request, "contractId")));
            case GET_PROPOSAL_MEETINGS -> RoundViews.meetings(roundId, meetings.of(actor, roundId,
                    pathId(request, "proposalId")));
            default -> throw new IllegalStateException("route in ACCESS without a handler: " + routeKey);
        });
    }

    /** Each contract's instalments as C11 sets them, those whose day has passed marked for the next payment run. */
    static ObjectNode schedule(RoundSchedules.Schedules schedules, String roundId) {
        ObjectNode node = Json.object().put("roundId", roundId).put("asOf", schedules.asOf().toString());
        ArrayNode contracts = node.putArray("contracts");
        for (RoundSchedules.Schedule schedule : schedules.contracts()) {
            ObjectNode contract = contracts.addObject().put("id", schedule.contract().id())
                    .put("proposal", schedule.contract().proposalId()).put("lead", schedule.contract().leadOrganisation())
                    .put("total", Money.format(schedule.contract().totalPence()))
                    .put("passedAmount", Money.format(schedule.passedPence()));
            ArrayNode instalments = contract.putArray("instalments");
            for (RoundSchedules.Due due : schedule.instalments()) {
                ObjectNode instalment = instalments.addObject().put("number", due.instalment().number())
                        .put("due", due.instalment().due().toString()).put("amount", Money.format(due.instalment().pence()))
                        .put("dayPassed", due.dayPassed());
                if (due.dayPassed()) {
                    instalment.put("paidBy", "finance's next payment run");
                }
            }
        }
        return node;
    }

    /** A contract's acceptance: accepted or not, when and by whom. */
    static ObjectNode acceptance(ObjectNode contract, ContractAcceptances.Accepted accepted) {
        contract.put("accepted", accepted.acceptance().isPresent());
        accepted.acceptance().ifPresent(a -> contract.put("acceptedAt", a.at().toString()).put("acceptedBy", a.by()));
        return contract;
    }

    private static ObjectNode accepted(ContractAcceptances.Accepted accepted) {
        ObjectNode contract = (ObjectNode) RoundViews.contracts("", List.of(accepted.contract())).get("contracts").get(0);
        return acceptance(contract, accepted);
    }

}
