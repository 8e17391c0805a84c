package grants.functions.commitruns;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoCommitJobs;
import grants.adapters.wiring.Wiring;
import grants.core.run.AllocationService;
import grants.core.run.CommitJobs;
import grants.documents.JsonProgrammeDocuments;

import java.security.SecureRandom;

/**
 * Everything the CommitRuns function uses, built once per container from what the functions share
 * ({@link Wiring}): the commit jobs, over the allocation service whose runs they write. The
 * handler only routes each stream record to them.
 */
public final class CommitRunsComposition {

    private final CommitJobs commitJobs;

    public CommitRunsComposition(Wiring wiring) {
        AllocationService allocations = new AllocationService(wiring.programmes(), wiring.runs(),
                new JsonProgrammeDocuments(), wiring.clock(), new SecureRandom());
        this.commitJobs = new CommitJobs(allocations, wiring.programmes(), wiring.runs(),
                new DynamoCommitJobs(wiring.table(), wiring.auditTable()), wiring.clock(), wiring.environment()
                .wholeNumber(Environment.COMMIT_IN_BACKGROUND_ABOVE, CommitJobs.DEFAULT_BACKGROUND_ABOVE));
    }

    public CommitJobs commitJobs() {
        return commitJobs;
    }
}
