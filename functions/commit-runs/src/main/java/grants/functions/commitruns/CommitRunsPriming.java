package grants.functions.commitruns;

import grants.adapters.aws.Unsent;
import grants.adapters.lambda.Priming;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.exports.ExportRenderer;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CommitRuns' deeper SnapStart priming: what a job does once it has its programme, with nothing read,
 * written or sent. A small programme is allocated by the rules; its rows go to the batch writer, whose
 * first BatchWriteItem is marshalled and signed and stopped before it is sent; its files are rendered
 * in memory by the renderers that write them ahead, and one upload link is signed.
 */
final class CommitRunsPriming {

    private final AllocationRunStore runs;
    private final ExportRenderer renderer;
    private final Optional<S3PresignedLinks> links;

    /** @param links the bucket's, or empty where files are not written ahead */
    CommitRunsPriming(AllocationRunStore runs, ExportRenderer renderer, Optional<S3PresignedLinks> links) {
        this.runs = runs;
        this.renderer = renderer;
        this.links = links;
    }

    /** @return what was primed, in words (for the log and the tests) */
    List<String> prime() {
        List<String> done = new ArrayList<>();
        Programme programme = Priming.programme();
        AllocationRun run = Priming.run(programme);
        done.add("allocated " + run.rows().size() + " partnerships");
        done.addAll(Unsent.run(() -> runs.writeRows(run.header(), run.rows())));
        if (links.isPresent()) {
            done.add("rendered " + renderer.render(programme, run).size() + " files in memory");
            links.get().uploadLink(ExportRenderer.prefix(Priming.ID, Priming.RUN_ID) + ExportRenderer.MANIFEST,
                    Duration.ofMinutes(5));
            done.add("signed a link");
        }
        return done;
    }
}
