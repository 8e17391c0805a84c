package grants.adapters.dynamodb;

import grants.core.allocation.AllocationRow;
import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;
import grants.core.allocation.Status;
import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;
import grants.core.run.CommitRequest;
import grants.core.run.RunHeader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * A committed run to and from its items: the storage format, apart from the API's. Money is whole
 * pence in number attributes, so nothing is parsed back from display text.
 */
final class RunItems {

    static final int SCHEMA_VERSION = 1;

    private RunItems() {
    }

    /** The header without its localities, which are items of their own: a national run has thousands. */
    static Map<String, AttributeValue> header(RunHeader header, int rowCount) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.programme(header.programmeId()), Keys.run(header.runId()),
                SCHEMA_VERSION);
        item.put("programmeId", s(header.programmeId()));
        item.put("runId", s(header.runId()));
        item.put("committedAt", s(header.committedAt().toString()));
        item.put("inputHash", s(header.inputHash()));
        item.put("rulesVersion", s(header.rulesVersion()));
        item.put("totals", AttributeValue.fromM(totals(header.totals())));
        item.put("warnings", strings(header.warnings()));
        item.put("rowCount", n(rowCount));
        header.supersedes().ifPresent(superseded -> {
            item.put("supersedesRunId", s(superseded.runId()));
            item.put("supersessionReason", s(superseded.reason()));
        });
        return item;
    }

    static RunHeader header(Map<String, AttributeValue> item, List<LocalityOutcome> localities) {
        return new RunHeader(text(item, "programmeId"), text(item, "runId"), Instant.parse(text(item, "committedAt")),
                text(item, "inputHash"), text(item, "rulesVersion"), totals(item.get("totals").m()), localities,
                strings(item, "warnings"), item.containsKey("supersedesRunId")
                        ? Optional.of(new CommitRequest.Supersession(text(item, "supersedesRunId"), text(item, "supersessionReason")))
                        : Optional.empty());
    }

    private static Map<String, AttributeValue> totals(ControlTotals totals) {
        return Map.of("rows", n(totals.rows()), "funded", n(totals.funded()), "withdrawn", n(totals.withdrawn()),
                "notParticipating", n(totals.notParticipating()), "baseGrantsPence", n(totals.baseGrantsPence()),
                "poolPence", n(totals.poolPence()), "redistributionPence", n(totals.redistributionPence()),
                "finalGrantsPence", n(totals.finalGrantsPence()), "unallocatedPence", n(totals.unallocatedPence()),
                "csvSha256", s(totals.csvSha256()));
    }

    private static ControlTotals totals(Map<String, AttributeValue> m) {
        return new ControlTotals((int) number(m, "rows"), (int) number(m, "funded"), (int) number(m, "withdrawn"),
                (int) number(m, "notParticipating"), number(m, "baseGrantsPence"), number(m, "poolPence"),
                number(m, "redistributionPence"), number(m, "finalGrantsPence"), number(m, "unallocatedPence"),
                text(m, "csvSha256"));
    }

    static Map<String, AttributeValue> locality(RunHeader header, LocalityOutcome locality) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.runItems(header.programmeId(), header.runId()),
                Keys.locality(locality.county()), SCHEMA_VERSION);
        item.put("county", s(locality.county()));
        item.put("countyName", s(locality.countyName()));
        item.put("districts", n(locality.districts()));
        item.put("qualifyingDistricts", n(locality.qualifying()));
        item.put("baseGrantsPence", n(locality.baseGrantsPence()));
        item.put("finalGrantsPence", n(locality.finalGrantsPence()));
        return item;
    }

    static LocalityOutcome locality(Map<String, AttributeValue> item) {
        return new LocalityOutcome(text(item, "county"), text(item, "countyName"), (int) number(item, "districts"),
                (int) number(item, "qualifyingDistricts"), number(item, "baseGrantsPence"),
                number(item, "finalGrantsPence"));
    }

    static Map<String, AttributeValue> row(RunHeader header, AllocationRow row) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.runItems(header.programmeId(), header.runId()),
                Keys.row(row.partnershipId()), SCHEMA_VERSION);
        item.put("partnershipId", s(row.partnershipId()));
        item.put("partnershipName", s(row.partnershipName()));
        item.put("type", s(row.type().name()));
        item.put("tier", s(row.tier().name()));
        if (row.locality() != null) {
            item.put("locality", s(row.locality()));
        }
        item.put("status", s(row.status().name()));
        item.put("baseGrantPence", n(row.baseGrantPence()));
        item.put("redistributionPence", n(row.redistributionPence()));
        item.put("finalGrantPence", n(row.finalGrantPence()));
        item.put("finalGrantEuroCents", n(row.finalGrantEuroCents()));
        item.put("supportHalfDays", n(row.supportHalfDays()));
        item.put("reason", s(row.reason()));
        return item;
    }

    static AllocationRow row(Map<String, AttributeValue> item) {
        return new AllocationRow(text(item, "partnershipId"), text(item, "partnershipName"),
                PartnershipType.valueOf(text(item, "type")), Tier.valueOf(text(item, "tier")), text(item, "locality"),
                Status.valueOf(text(item, "status")), number(item, "baseGrantPence"), number(item, "redistributionPence"),
                number(item, "finalGrantPence"), number(item, "finalGrantEuroCents"), (int) number(item, "supportHalfDays"),
                text(item, "reason"));
    }
}
