package grants.adapters.dynamodb;

import grants.core.calendar.FinancialYear;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LineTotals;
import grants.core.ledger.OverspendRequest;
import grants.core.ledger.Spend;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/** The ledger's lines, entries and overspend requests to and from their items: pence as numbers, days as ISO text. */
final class LedgerItems {

    static final int SCHEMA_VERSION = 1;
    static final String VERSION = "version";

    private LedgerItems() {
    }

    static Map<String, AttributeValue> line(BudgetLine line) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.budget(line.scope()),
                Keys.budgetLine(line.year().toString(), line.lineId()), SCHEMA_VERSION);
        item.put("scope", s(line.scope()));
        item.put("year", s(line.year().toString()));
        item.put("lineId", s(line.lineId()));
        item.put("title", s(line.title()));
        item.put("source", s(line.source()));
        item.put("budgetPence", n(line.budgetPence()));
        item.put("pays", strings(line.pays().stream().map(Spend::name).sorted().toList()));
        line.ringFence().ifPresent(topic -> item.put("ringFence", s(topic)));
        item.put("inKind", AttributeValue.fromBool(line.inKind()));
        LineTotals totals = line.totals();
        item.put("committedPence", n(totals.committedPence()));
        item.put("paidPence", n(totals.paidPence()));
        item.put("carriedInPence", n(totals.carriedInPence()));
        item.put("carriedOutPence", n(totals.carriedOutPence()));
        item.put("overspendApprovedPence", n(totals.overspendApprovedPence()));
        item.put("revision", n(line.revision()));
        item.put(VERSION, n(line.version()));
        return item;
    }

    static BudgetLine line(Map<String, AttributeValue> item) {
        return new BudgetLine(text(item, "scope"), year(item), text(item, "lineId"), text(item, "title"),
                text(item, "source"), number(item, "budgetPence"),
                strings(item, "pays").stream().map(Spend::valueOf).collect(Collectors.toSet()),
                Optional.ofNullable(text(item, "ringFence")), item.get("inKind").bool(),
                new LineTotals(number(item, "committedPence"), number(item, "paidPence"), number(item, "carriedInPence"),
                        number(item, "carriedOutPence"), number(item, "overspendApprovedPence")),
                number(item, "revision"), number(item, VERSION));
    }

    static Map<String, AttributeValue> entry(Entry entry) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.budget(entry.scope()), Keys.budgetEntry(entry.id()),
                SCHEMA_VERSION);
        item.put("entryId", s(entry.id()));
        item.put("scope", s(entry.scope()));
        item.put("year", s(entry.year().toString()));
        item.put("lineId", s(entry.lineId()));
        item.put("kind", s(entry.kind().name()));
        item.put("amountPence", n(entry.amountPence()));
        item.put("source", s(entry.source()));
        entry.commitment().ifPresent(commitment -> item.put("commitment", s(commitment)));
        item.put("madeBy", s(entry.madeBy()));
        item.put("on", s(entry.on().toString()));
        return item;
    }

    static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(text(item, "entryId"), text(item, "scope"), year(item), text(item, "lineId"),
                EntryKind.valueOf(text(item, "kind")), number(item, "amountPence"), text(item, "source"),
                Optional.ofNullable(text(item, "commitment")), text(item, "madeBy"), LocalDate.parse(text(item, "on")));
    }

    static Map<String, AttributeValue> overspend(OverspendRequest request) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.budget(request.scope()), Keys.overspend(request.id()),
                SCHEMA_VERSION);
        item.put("requestId", s(request.id()));
        item.put("scope", s(request.scope()));
        item.put("year", s(request.year().toString()));
        item.put("lineId", s(request.lineId()));
        item.put("pence", n(request.pence()));
        item.put("reason", s(request.reason()));
        item.put("requestedBy", s(request.requestedBy()));
        item.put("requestedOn", s(request.requestedOn().toString()));
        request.approvedBy().ifPresent(approver -> item.put("approvedBy", s(approver)));
        return item;
    }

    static OverspendRequest overspend(Map<String, AttributeValue> item) {
        return new OverspendRequest(text(item, "requestId"), text(item, "scope"), year(item), text(item, "lineId"),
                number(item, "pence"), text(item, "reason"), text(item, "requestedBy"),
                LocalDate.parse(text(item, "requestedOn")), Optional.ofNullable(text(item, "approvedBy")));
    }

    private static FinancialYear year(Map<String, AttributeValue> item) {
        return FinancialYear.parse(text(item, "year")).orElseThrow();
    }
}
