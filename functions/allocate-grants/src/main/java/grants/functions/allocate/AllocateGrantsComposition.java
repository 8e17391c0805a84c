package grants.functions.allocate;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoBindingStore;
import grants.adapters.dynamodb.DynamoCommitJobs;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.wiring.Wiring;
import grants.core.access.BindingService;
import grants.core.exports.ExportDownloads;
import grants.core.notices.NoticeService;
import grants.core.rounds.SeparateIds;
import grants.core.run.AllocationService;
import grants.core.run.CommitJobs;
import grants.core.run.ProgrammeUploads;
import grants.documents.JsonProgrammeDocuments;

import java.security.SecureRandom;

/**
 * Everything the AllocateGrants function uses, built once per container from what the functions
 * share ({@link Wiring}): the allocation service and its commit jobs, uploads, downloads, notices,
 * bindings, and the routes over them. The handler only routes.
 */
public final class AllocateGrantsComposition {

    private final CommitJobs commitJobs;
    private final AllocationRoutes routes;
    private final String financeClientId;

    public AllocateGrantsComposition(Wiring wiring) {
        Environment settings = wiring.environment();
        this.financeClientId = settings.optional(Environment.FINANCE_CLIENT_ID, "");
        S3PresignedLinks objects = new S3PresignedLinks(wiring.aws(), settings.required(Environment.EXPORT_BUCKET));
        AllocationService allocations = new AllocationService(wiring.programmes(), wiring.runs(),
                new JsonProgrammeDocuments(), wiring.clock(), new SecureRandom(), wiring.assessedBases());
        this.commitJobs = new CommitJobs(allocations, wiring.programmes(), wiring.runs(),
                new DynamoCommitJobs(wiring.table(), wiring.auditTable()), wiring.clock(),
                settings.wholeNumber(Environment.COMMIT_IN_BACKGROUND_ABOVE, CommitJobs.DEFAULT_BACKGROUND_ABOVE));
        NoticeService notices = new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                wiring.clock(), wiring.auditLog());
        this.routes = new AllocationRoutes(allocations, commitJobs,
                new ProgrammeUploads(allocations, objects, new JsonProgrammeDocuments(), wiring.clock()),
                new ExportDownloads(wiring.exportIndex(), objects), notices, wiring.auditLog(),
                new BindingService(new DynamoBindingStore(wiring.table()), wiring.auditLog()),
                new SeparateIds(wiring.programmes(), wiring.rounds()), wiring.clock(),
                settings.seconds(Environment.EXPORT_LINK_EXPIRY_SECONDS, 3600));
    }

    AllocationRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }

    /**
     * Commits, in the request for programmes of up to {@link Environment#COMMIT_IN_BACKGROUND_ABOVE}
     * partnerships and in the background above that (where CommitRuns works the job).
     */
    public CommitJobs commitJobs() {
        return commitJobs;
    }
}
