package grants.documents.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.AllocationCsv;
import grants.core.allocation.ControlTotals;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportLedger;
import grants.core.exports.ExportRenderer;
import grants.core.exports.FileRendering;
import grants.core.exports.OnePass;
import grants.core.exports.WrittenFile;
import grants.core.money.Money;
import grants.documents.Json;
import grants.documents.ledger.LedgerCsv;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything a committed run exports, rendered purely from the run and its programme snapshot:
 * the same run always gives the same bytes. The manifest comes last; its presence means the
 * export is complete.
 */
public final class ExportBundle implements ExportRenderer {

    public static final String MANIFEST = ExportRenderer.MANIFEST;

    @Override
    public List<OnePass> files(Programme programme, AllocationRun run) {
        ExportContext context = ExportContext.of(programme, run);
        return List.of(
                OnePass.of(new FileRendering("allocations.csv", "text/csv; charset=utf-8", out -> {
                    AllocationCsv.write(run.rows(), out);
                    return run.rows().size();
                })),
                GrantFiles.rendering(context), // payments.csv, 360giving.json, 360giving.csv
                OnePass.of(new FileRendering(RunReport.NAME, RunReport.CONTENT_TYPE, out -> { // one page: rendered whole
                    ExportFile report = RunReport.render(context);
                    out.write(report.bytes());
                    return report.rows();
                })));
    }

    /** Rendered whole: a programme's ledger is hundreds of entries, not the run's hundred thousand rows. */
    @Override
    public List<FileRendering> ledgerFiles(ExportLedger.Read ledger) {
        return List.of(whole(LedgerCsv.budget(ledger.statement())), whole(LedgerCsv.ledger(ledger.entries())));
    }

    private static FileRendering whole(ExportFile file) {
        return new FileRendering(file.name(), file.contentType(), out -> {
            out.write(file.bytes());
            return file.rows();
        });
    }

    @Override
    public ExportFile manifest(RunHeader header, List<WrittenFile> files) {
        ObjectNode manifest = Json.object()
                .put("programmeId", header.programmeId())
                .put("runId", header.runId())
                .put("committedAt", header.committedAt().toString())
                .put("inputHash", header.inputHash())
                .put("rulesVersion", header.rulesVersion());
        manifest.set("totals", totals(header.totals()));
        ArrayNode list = manifest.putArray("files");
        for (WrittenFile file : files) {
            list.addObject().put("name", file.name()).put("contentType", file.contentType())
                    .put("bytes", file.bytes()).put("rows", file.rows()).put("sha256", file.sha256());
        }
        return new ExportFile(MANIFEST, "application/json",
                (Json.writePretty(manifest) + "\n").getBytes(StandardCharsets.UTF_8), files.size());
    }

    @Override
    public Optional<List<WrittenFile>> filesIn(RunHeader header, byte[] manifest) {
        try {
            List<WrittenFile> files = new ArrayList<>();
            for (JsonNode file : Json.MAPPER.readTree(manifest).path("files")) {
                files.add(new WrittenFile(file.path("name").asText(), file.path("contentType").asText(),
                        file.path("bytes").asLong(), file.path("rows").asInt(), file.path("sha256").asText()));
            }
            return Arrays.equals(manifest(header, files).bytes(), manifest) ? Optional.of(files) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty(); // not a manifest of ours: the export renders the run again
        }
    }

    /** The control totals as the manifest states them; its own format, apart from the API's. */
    private static ObjectNode totals(ControlTotals totals) {
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
}
