package grants.functions.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.calendar.FinancialYear;
import grants.core.moneymap.MoneyByPriority;
import grants.core.moneymap.Share;
import grants.documents.Json;

import java.util.List;
import java.util.Map;

/**
 * Where a round's money goes, as JSON: every amount a two-decimal string beside the same in words, each
 * share exact (numerator and denominator) beside its words, so the console shows it and computes nothing.
 */
final class MoneyMapJson {

    private MoneyMapJson() {
    }

    static JsonNode of(MoneyByPriority map) {
        ObjectNode json = Json.object().put("roundId", map.roundId()).put("roundName", map.roundName());
        ArrayNode years = json.putArray("years");
        map.years().forEach(year -> years.add(year.toString()));
        ArrayNode priorities = json.putArray("priorities");
        for (MoneyByPriority.Priority priority : map.priorities()) {
            ObjectNode row = priorities.addObject().put("issueId", priority.issueId()).put("title", priority.title());
            ArrayNode contracts = row.putArray("contracts");
            priority.contracts().forEach(contracts::add);
            row.set("byYear", byYear(priority.byYear()));
            LedgerJson.money(row, "committed", priority.totalPence());
            row.set("share", share(priority.share()));
        }
        ObjectNode totals = json.putObject("totals");
        totals.set("byYear", byYear(map.committedByYear()));
        LedgerJson.money(totals, "committed", map.committedPence());
        LedgerJson.money(totals, "fund", map.fundPence());
        LedgerJson.money(totals, "unawarded", map.unawardedPence());
        totals.set("unawardedShare", share(map.unawardedOfTheFund()));
        json.set("themes", themes(map.themes()));
        return json;
    }

    private static ArrayNode byYear(Map<FinancialYear, Long> byYear) {
        ArrayNode years = Json.MAPPER.createArrayNode();
        byYear.forEach((year, pence) -> LedgerJson.money(years.addObject().put("year", year.toString()), "committed",
                pence));
        return years;
    }

    private static ObjectNode share(Share share) {
        return Json.object().put("numerator", share.numerator()).put("denominator", share.denominator())
                .put("inWords", share.inWords());
    }

    private static ObjectNode themes(MoneyByPriority.Themes themes) {
        ObjectNode json = Json.object().put("registerId", themes.registerId()).put("note", themes.note());
        ArrayNode list = json.putArray("themes");
        for (MoneyByPriority.Theme theme : themes.themes()) {
            ObjectNode row = list.addObject().put("themeId", theme.themeId()).put("title", theme.title());
            strings(row.putArray("indicators"), theme.indicators());
            strings(row.putArray("contracts"), theme.contracts());
            LedgerJson.money(row, "committed", theme.totalPence());
        }
        strings(json.putArray("contractsInNoTheme"), themes.contractsInNoTheme());
        LedgerJson.money(json, "inNoTheme", themes.inNoThemePence());
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
