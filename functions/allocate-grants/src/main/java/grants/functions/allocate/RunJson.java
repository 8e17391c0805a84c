package grants.functions.allocate;

import grants.documents.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;
import grants.core.allocation.Status;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;
import grants.core.run.AllocationRun;
import grants.core.run.CommitJob;
import grants.core.run.DryRun;
import grants.core.run.RunDifference;
import grants.core.run.RunHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs as the API represents them: money as two-decimal strings, the CSV's column names in camel
 * case. {@link #readRows} reads rows back, for the local runner, which is a client of this API.
 */
public final class RunJson {

    private RunJson() {
    }

    /** A committed run with one page of its rows. */
    static ObjectNode run(AllocationRun run, RowPages.Request page) {
        ObjectNode node = header(run.header());
        node.put("mode", "COMMIT");
        return RowPages.write(node, run.rows(), page);
    }

    /** A committed run read back a page at a time: its rows are the page (and one more, if there are more). */
    static ObjectNode storedPage(AllocationRun run, RowPages.Request page) {
        ObjectNode node = header(run.header());
        node.put("mode", "COMMIT");
        return RowPages.writePage(node, run.rows(), run.header().totals().rows(), page);
    }

    /** A dry run with one page of its rows. */
    static ObjectNode dryRun(DryRun dryRun, RowPages.Request page) {
        Allocation allocation = dryRun.allocation();
        ObjectNode node = Json.object()
                .put("programmeId", dryRun.programmeId())
                .put("mode", "DRY_RUN")
                .put("inputHash", dryRun.inputHash())
                .put("rulesVersion", dryRun.rulesVersion());
        node.set("totals", totals(allocation.totals()));
        node.set("localities", localities(allocation.localities()));
        node.set("warnings", strings(allocation.warnings()));
        RowPages.write(node, allocation.rows(), page);
        dryRun.comparedWith().ifPresent(runId -> {
            ObjectNode comparison = node.putObject("comparedWithRun").put("runId", runId);
            ArrayNode differences = comparison.putArray("differences");
            for (RunDifference difference : dryRun.differences()) {
                ObjectNode d = differences.addObject().put("partnershipId", difference.partnershipId());
                d.put("previousStatus", difference.previousStatus() == null ? null : difference.previousStatus().name());
                d.put("status", difference.status() == null ? null : difference.status().name());
                d.put("previousFinalGrantGbp", Money.format(difference.previousFinalGrantPence()));
                d.put("finalGrantGbp", Money.format(difference.finalGrantPence()));
                d.put("changeGbp", Money.format(difference.changePence()));
            }
            comparison.put("changed", dryRun.differences().stream().filter(d -> d.changePence() != 0
                    || d.previousStatus() != d.status()).count());
        });
        return node;
    }

    /** A commit job: its state and progress, and once DONE where its run is. */
    static ObjectNode job(CommitJob job) {
        ObjectNode json = Json.object().put("programmeId", job.programmeId()).put("jobId", job.jobId())
                .put("runId", job.runId()).put("state", job.state().name()).put("rowsWritten", job.rowsWritten())
                .put("rowsTotal", job.rowsTotal()).put("inputHash", job.inputHash())
                .put("requestedAt", job.requestedAt().toString()).put("status", jobPath(job));
        if (job.state() == CommitJob.State.DONE) {
            json.put("run", runPath(job.programmeId(), job.runId()));
        }
        job.failure().ifPresent(failure -> json.put("failure", failure));
        return json;
    }

    static String runPath(String programmeId, String runId) {
        return "/programmes/" + programmeId + "/allocation-runs/" + runId;
    }

    static String jobPath(CommitJob job) {
        return "/programmes/" + job.programmeId() + "/commit-jobs/" + job.jobId();
    }

    public static ObjectNode header(RunHeader header) {
        ObjectNode node = Json.object()
                .put("programmeId", header.programmeId())
                .put("runId", header.runId())
                .put("committedAt", header.committedAt().toString())
                .put("inputHash", header.inputHash())
                .put("rulesVersion", header.rulesVersion());
        node.set("totals", totals(header.totals()));
        node.set("localities", localities(header.localities()));
        node.set("warnings", strings(header.warnings()));
        header.supersedes().ifPresent(superseded -> node.putObject("supersedes")
                .put("runId", superseded.runId()).put("reason", superseded.reason()));
        return node;
    }

    public static ObjectNode totals(ControlTotals totals) {
        return Json.object()
                .put("rows", totals.rows())
                .put("funded", totals.funded())
                .put("withdrawn", totals.withdrawn())
                .put("notParticipating", totals.notParticipating())
                .put("baseGrantsGbp", Money.format(totals.baseGrantsPence()))
                .put("poolGbp", Money.format(totals.poolPence()))
                .put("redistributionGbp", Money.format(totals.redistributionPence()))
                .put("finalGrantsGbp", Money.format(totals.finalGrantsPence()))
                .put("unallocatedGbp", Money.format(totals.unallocatedPence()))
                .put("csvSha256", totals.csvSha256());
    }

    private static ArrayNode localities(List<LocalityOutcome> localities) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        localities.forEach(locality -> array.add(locality(locality)));
        return array;
    }

    public static ObjectNode locality(LocalityOutcome locality) {
        return Json.object()
                .put("county", locality.county())
                .put("countyName", locality.countyName())
                .put("districts", locality.districts())
                .put("qualifyingDistricts", locality.qualifying())
                .put("conditionMet", locality.conditionMet())
                .put("status", locality.conditionMet() ? "MET" : "WITHDRAWN")
                .put("baseGrantsGbp", Money.format(locality.baseGrantsPence()))
                .put("finalGrantsGbp", Money.format(locality.finalGrantsPence()));
    }

    public static ArrayNode rows(List<AllocationRow> rows) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        rows.forEach(row -> array.add(row(row)));
        return array;
    }

    /** One row, with the column names of the CSV in camel case. */
    public static ObjectNode row(AllocationRow row) {
        return Json.object()
                .put("partnershipId", row.partnershipId())
                .put("partnershipName", row.partnershipName())
                .put("type", row.type().name())
                .put("tier", row.tier().name())
                .put("locality", row.locality())
                .put("status", row.status().name())
                .put("baseGrantGbp", Money.format(row.baseGrantPence()))
                .put("redistributionGbp", Money.format(row.redistributionPence()))
                .put("finalGrantGbp", Money.format(row.finalGrantPence()))
                .put("finalGrantEur", Money.format(row.finalGrantEuroCents()))
                .put("supportDays", Days.format(row.supportHalfDays()))
                .put("reason", row.reason());
    }

    public static List<AllocationRow> readRows(JsonNode rows) {
        List<AllocationRow> result = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode locality = row.get("locality");
            result.add(new AllocationRow(row.get("partnershipId").asText(), row.get("partnershipName").asText(),
                    PartnershipType.valueOf(row.get("type").asText()), Tier.valueOf(row.get("tier").asText()),
                    locality == null || locality.isNull() ? null : locality.asText(),
                    Status.valueOf(row.get("status").asText()), pence(row, "baseGrantGbp"),
                    pence(row, "redistributionGbp"), pence(row, "finalGrantGbp"), pence(row, "finalGrantEur"),
                    Days.parseHalfDays(row.get("supportDays").asText()), row.get("reason").asText()));
        }
        return result;
    }

    private static long pence(JsonNode node, String field) {
        return Money.parseDecimal(node.get(field).asText()).movePointRight(2).longValueExact();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
