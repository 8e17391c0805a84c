package grants.functions.export;

import grants.adapters.aws.Unsent;
import grants.adapters.lambda.Priming;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportIndex;
import grants.core.exports.ExportLedger;
import grants.core.exports.ExportRenderer;
import grants.core.exports.FileRendering;
import grants.core.exports.OnePass;
import grants.core.ledger.BudgetStatement;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ExportFinance's deeper SnapStart priming: what an export does once it has a run, with nothing read,
 * written or sent. A small run is rendered in memory by the same renderers (every file, the ledger's
 * two and the manifest), one link is signed by the SigV4 signer that writes and links the files, and
 * the export's index entry is marshalled and signed for DynamoDB and stopped before it is sent.
 */
final class ExportFinancePriming {

    private final ExportRenderer renderer;
    private final S3PresignedLinks links;
    private final ExportIndex index;

    ExportFinancePriming(ExportRenderer renderer, S3PresignedLinks links, ExportIndex index) {
        this.renderer = renderer;
        this.links = links;
        this.index = index;
    }

    /** @return what was primed, in words (for the log and the tests) */
    List<String> prime() {
        List<String> done = new ArrayList<>();
        Programme programme = Priming.programme();
        AllocationRun run = Priming.run(programme);
        List<ExportFile> files = new ArrayList<>(renderer.render(programme, run));
        for (FileRendering ledgerFile : renderer.ledgerFiles(new ExportLedger.Read(
                new BudgetStatement(Priming.ID, List.of(), List.of()), List.of()))) {
            files.addAll(ExportRenderer.inMemory(OnePass.of(ledgerFile)));
        }
        done.add("rendered " + files.size() + " files in memory");
        String prefix = ExportRenderer.prefix(Priming.ID, Priming.RUN_ID);
        links.link(prefix + ExportRenderer.MANIFEST, Duration.ofHours(12));
        links.uploadLink(prefix + ExportRenderer.MANIFEST, Duration.ofMinutes(5));
        done.add("signed a link");
        done.addAll(Unsent.run(() -> index.recordComplete(Priming.ID, Priming.RUN_ID,
                files.stream().map(ExportFile::name).toList())));
        return done;
    }
}
