package grants.functions.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.OverspendRequest;
import grants.core.ledger.Spend;
import grants.core.money.Money;
import grants.documents.Json;

import java.util.List;

/**
 * The ledger as JSON: amounts as two-decimal strings beside the same in words ("£70,000.00"), so the
 * console shows money and never computes it.
 */
final class LedgerJson {

    private LedgerJson() {
    }

    static JsonNode statement(BudgetStatement statement) {
        ObjectNode json = Json.object().put("scope", statement.scope());
        ArrayNode lines = json.putArray("lines");
        statement.rows().forEach(row -> lines.add(row(row)));
        ArrayNode years = json.putArray("years");
        statement.yearTotals().forEach(row -> years.add(row(row)));
        return json;
    }

    private static ObjectNode row(BudgetStatement.Row row) {
        ObjectNode json = Json.object().put("year", row.year().toString());
        if (row.lineId() != null) {
            json.put("line", row.lineId()).put("title", row.title()).put("source", row.source())
                    .put("ringFence", row.ringFence()).put("inKind", row.inKind());
        }
        money(json, "budget", row.budgetPence());
        money(json, "carriedIn", row.carriedInPence());
        money(json, "carriedOut", row.carriedOutPence());
        money(json, "committed", row.committedPence());
        money(json, "paid", row.paidPence());
        money(json, "remaining", row.remainingPence());
        return json;
    }

    static JsonNode line(BudgetLine line) {
        ObjectNode json = Json.object().put("scope", line.scope()).put("year", line.year().toString())
                .put("line", line.lineId()).put("title", line.title()).put("source", line.source())
                .put("ringFence", line.ringFence().orElse(null)).put("inKind", line.inKind())
                .put("revision", line.revision());
        money(json, "budget", line.budgetPence());
        ArrayNode pays = json.putArray("pays");
        line.pays().stream().sorted().map(Spend::name).forEach(pays::add);
        money(json, "remaining", line.remaining());
        return json;
    }

    static JsonNode entry(Entry entry) {
        ObjectNode json = Json.object().put("id", entry.id()).put("on", entry.on().toString())
                .put("year", entry.year().toString()).put("line", entry.lineId()).put("kind", entry.kind().name())
                .put("source", entry.source()).put("commitment", entry.commitment().orElse(null))
                .put("madeBy", entry.madeBy());
        money(json, "amount", entry.amountPence());
        return json;
    }

    static JsonNode entries(List<Entry> entries) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("entries");
        entries.forEach(entry -> list.add(entry(entry)));
        return json;
    }

    static JsonNode overspend(OverspendRequest request) {
        ObjectNode json = Json.object().put("id", request.id()).put("year", request.year().toString())
                .put("line", request.lineId()).put("reason", request.reason()).put("requestedBy", request.requestedBy())
                .put("requestedOn", request.requestedOn().toString())
                .put("approvedBy", request.approvedBy().orElse(null));
        money(json, "amount", request.pence());
        return json;
    }

    static void money(ObjectNode json, String name, long pence) {
        json.put(name, Money.format(pence));
        json.put(name + "InWords", Money.pounds(pence));
    }
}
