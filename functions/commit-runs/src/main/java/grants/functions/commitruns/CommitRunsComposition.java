package grants.functions.commitruns;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoCommitJobs;
import grants.adapters.wiring.Wiring;
import grants.core.run.AllocationService;
import grants.core.run.CommitJobs;
import grants.core.run.RunFiles;
import grants.core.exports.ExportFiles;
import grants.adapters.s3.S3PresignedLinks;
import grants.documents.exports.ExportBundle;
import grants.documents.JsonProgrammeDocuments;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Everything the CommitRuns function uses, built once per container from what the functions share
 * ({@link Wiring}): the commit jobs, over the allocation service whose runs they write, and the run's
 * export files, written from the rows the worker holds before the run is published (so ExportFinance
 * need not read a national programme's rows back). The handler only routes each stream record to them.
 */
public final class CommitRunsComposition {

    private final CommitJobs commitJobs;
    private final CommitRunsPriming priming;

    public CommitRunsComposition(Wiring wiring) {
        AllocationService allocations = new AllocationService(wiring.programmes(), wiring.runs(),
                new JsonProgrammeDocuments(), wiring.clock(), new SecureRandom(), wiring.assessedBases());
        this.commitJobs = new CommitJobs(allocations, wiring.programmes(), wiring.runs(),
                new DynamoCommitJobs(wiring.table(), wiring.auditTable()), wiring.clock(), wiring.environment()
                .wholeNumber(Environment.COMMIT_IN_BACKGROUND_ABOVE, CommitJobs.DEFAULT_BACKGROUND_ABOVE),
                filesAhead(wiring));
        String bucket = wiring.environment().optional(Environment.EXPORT_BUCKET, "");
        this.priming = new CommitRunsPriming(wiring.runs(), new ExportBundle(), bucket.isEmpty() ? Optional.empty()
                : Optional.of(new S3PresignedLinks(wiring.aws(), bucket)));
    }

    /** Without a bucket (as some tests wire it) ExportFinance renders every file itself, as it can anyway. */
    private static RunFiles filesAhead(Wiring wiring) {
        String bucket = wiring.environment().optional(Environment.EXPORT_BUCKET, "");
        return bucket.isEmpty() ? RunFiles.NONE : new ExportFiles(new ExportBundle(), new S3PresignedLinks(wiring.aws(), bucket));
    }

    public CommitJobs commitJobs() {
        return commitJobs;
    }

    /** SnapStart's deeper priming: a small run allocated, its first batch not sent, its files rendered in memory. */
    CommitRunsPriming priming() {
        return priming;
    }
}
