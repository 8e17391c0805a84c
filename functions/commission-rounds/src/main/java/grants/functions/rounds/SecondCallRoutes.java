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
import grants.core.secondcall.SecondCallPreview;
import grants.core.secondcall.SecondCalls;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpResponses;

import java.util.List;
import java.util.Map;

import static grants.core.access.Role.PROGRAMME_MANAGER;

/**
 * A published round's manager sees what a second call would get, then opens it, for the money left unawarded
 * ({@code grants.core.secondcall}): opened, 201 with the second call and what was carried to it, or 200 with
 * {@code "alreadyOpen": true} and the second call as it is when it was open already. Every amount is a
 * two-decimal string with the same in words beside it, so the console computes nothing.
 */
final class SecondCallRoutes {

    static final String OPEN_SECOND_CALL = "POST /rounds/{roundId}/second-call";
    static final String PREVIEW_SECOND_CALL = "GET /rounds/{roundId}/second-call";

    static final Map<String, Access> ACCESS = Map.of(
            OPEN_SECOND_CALL, Access.by("open a second call for the money left", PROGRAMME_MANAGER),
            PREVIEW_SECOND_CALL, Access.by("see what a second call would get", PROGRAMME_MANAGER));

    private final SecondCalls secondCalls;

    SecondCallRoutes(SecondCalls secondCalls) {
        this.secondCalls = secondCalls;
    }

    APIGatewayV2HTTPResponse handle(String routeKey, Actor actor, String roundId) {
        return routeKey.equals(PREVIEW_SECOND_CALL) ? preview(actor, roundId) : open(actor, roundId);
    }

    /**
     * What opening the second call now would do, writing nothing: {@code "status"} READY (with the fund it would
     * get, in words too: "£1,150,000.00 a year for 2003-04 and 2004-05", and what each year would carry),
     * ALREADY_OPEN (the second call as it is), NOTHING_UNAWARDED or SPECIFICATIONS_WAITING (some specifications'
     * decisions are not published yet: nothing to carry); {@code "message"} says it in a sentence.
     */
    private APIGatewayV2HTTPResponse preview(Actor actor, String roundId) {
        SecondCallPreview preview = secondCalls.preview(actor, roundId);
        ObjectNode body = Json.object().put("roundId", preview.roundId()).put("firstRoundId", roundId)
                .put("name", preview.name()).put("status", preview.status().name())
                .put("alreadyOpen", preview.alreadyOpen());
        if (preview.fund().isPresent()) {
            Fund fund = preview.fund().get();
            ObjectNode fundNode = body.putObject("fund").put("annualAmount", Money.format(fund.annualPence()))
                    .put("annualAmountInWords", Money.pounds(fund.annualPence())).put("firstYear", fund.firstYear())
                    .put("years", fund.years());
            ArrayNode years = fundNode.putArray("financialYears");
            preview.years().forEach(year -> years.add(year.toString()));
            fundNode.put("inWords", preview.fundInWords());
        } else {
            body.putNull("fund");
        }
        ArrayNode carried = body.putArray("carried");
        for (SecondCallPreview.Carried year : preview.carried()) {
            carried.addObject().put("year", year.year().toString()).put("amount", Money.format(year.pence()))
                    .put("amountInWords", Money.pounds(year.pence()))
                    .put("offered", !preview.notOffered().contains(year.year()));
        }
        body.put("carriedInAll", Money.format(preview.carriedPence()))
                .put("carriedInAllInWords", Money.pounds(preview.carriedPence()));
        ArrayNode notOffered = body.putArray("notOffered");
        preview.notOffered().forEach(year -> notOffered.add(year.toString()));
        body.put("message", previewMessage(preview));
        return HttpResponses.json(200, body);
    }

    private String previewMessage(SecondCallPreview preview) {
        String carried = Money.pounds(preview.carriedPence());
        return switch (preview.status()) {
            case READY -> preview.alreadyOpen()
                    ? "The second call " + preview.roundId() + " is open, for " + preview.fundInWords()
                    + ": opening it again would carry the " + carried + " left unawarded since to it."
                    : "Opening a second call now would set up " + preview.roundId() + " with " + preview.fundInWords()
                    + ", and carry the " + carried + " left unawarded to it." + beganAlready(preview);
            case ALREADY_OPEN -> "The second call " + preview.roundId() + " is already open, for "
                    + preview.fundInWords() + ": there is nothing more to carry.";
            case NOTHING_UNAWARDED -> secondCalls.nothingUnawarded(preview.firstRoundId());
            case SPECIFICATIONS_WAITING -> SecondCalls.specificationsWaiting(preview.waiting());
        };
    }

    /** " The money left in 2002-03 is carried too, not offered: that year has begun.", or nothing. */
    private static String beganAlready(SecondCallPreview preview) {
        List<String> begun = preview.carried().stream().map(SecondCallPreview.Carried::year)
                .filter(preview.notOffered()::contains).map(Object::toString).toList();
        if (begun.isEmpty()) {
            return "";
        }
        return " The money left in " + String.join(" and ", begun) + " is carried too, not offered: "
                + (begun.size() == 1 ? "that year has" : "those years have") + " begun.";
    }

    private APIGatewayV2HTTPResponse open(Actor actor, String roundId) {
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
