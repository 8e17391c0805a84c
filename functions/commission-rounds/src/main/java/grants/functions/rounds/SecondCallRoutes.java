package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.commissioning.Fund;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.money.Money;
import grants.core.secondcall.SecondCall;
import grants.core.secondcall.SecondCalls;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpResponses;

import java.util.Map;

import static grants.core.access.Role.PROGRAMME_MANAGER;

/**
 * A published round's manager opens its second call for the money left unawarded
 * ({@code grants.core.secondcall}): 201 with the second call and what was carried to it, or 200 with
 * {@code "alreadyOpen": true} and the second call as it is when it was open already. Every amount is a
 * two-decimal string with the same in words beside it, so the console computes nothing.
 */
final class SecondCallRoutes {

    static final String OPEN_SECOND_CALL = "POST /rounds/{roundId}/second-call";

    static final Map<String, Access> ACCESS = Map.of(
            OPEN_SECOND_CALL, Access.by("open a second call for the money left", PROGRAMME_MANAGER));

    private final SecondCalls secondCalls;

    SecondCallRoutes(SecondCalls secondCalls) {
        this.secondCalls = secondCalls;
    }

    APIGatewayV2HTTPResponse open(Actor actor, String roundId) {
        SecondCall opened = secondCalls.open(actor, roundId);
        Fund fund = opened.round().setup().fund();
        ObjectNode body = Json.object().put("roundId", opened.round().roundId()).put("firstRoundId", roundId)
                .put("name", opened.round().setup().name()).put("alreadyOpen", opened.alreadyOpen());
        body.putObject("fund").put("annualAmount", Money.format(fund.annualPence()))
                .put("annualAmountInWords", Money.pounds(fund.annualPence())).put("firstYear", fund.firstYear())
                .put("years", fund.years());
        ArrayNode carried = body.putArray("carried");
        for (Entry entry : opened.carried()) {
            if (entry.kind() == EntryKind.CARRIED_IN) {
                carried.addObject().put("year", entry.year().toString()).put("line", entry.lineId())
                        .put("amount", Money.format(entry.amountPence()))
                        .put("amountInWords", Money.pounds(entry.amountPence()));
            }
        }
        ArrayNode notOffered = body.putArray("notOffered");
        opened.notOffered().forEach(year -> notOffered.add(year.toString()));
        body.put("message", opened.alreadyOpen()
                ? "The second call " + opened.round().roundId() + " is already open, for "
                + Money.pounds(fund.annualPence()) + " a year: nothing was changed."
                : "The second call " + opened.round().roundId() + " is open, for " + Money.pounds(fund.annualPence())
                + " a year from " + fund.firstYear() + ", for " + fund.years() + " year(s).");
        return HttpResponses.json(opened.alreadyOpen() ? 200 : 201, body);
    }
}
