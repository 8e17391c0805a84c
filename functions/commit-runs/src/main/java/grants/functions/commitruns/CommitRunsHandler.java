package grants.functions.commitruns;

import org.crac.Core;
import org.crac.Resource;
import grants.adapters.lambda.StreamEvents;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.Batches;
import grants.adapters.lambda.Priming;
import grants.adapters.wiring.Wiring;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobs;

import java.util.List;

/**
 * The CommitRuns function, on the grants table's stream (filtered in template.yaml to INSERTs of
 * {@code JOB#} items): writes a large programme's run in the background. If it is cut short (a
 * timeout, a throttle), Lambda delivers the record again and the job resumes where it stopped.
 */
public class CommitRunsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    /** What priming names: nothing of the kind exists, so nothing is changed. */
    private static final String PRIMING = "snapstart-priming";

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE, Environment.EXPORT_BUCKET);

    private final CommitJobs jobs;
    private final CommitRunsPriming priming;

    public CommitRunsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public CommitRunsHandler(Wiring wiring) {
        this(new CommitRunsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public CommitRunsHandler(CommitRunsComposition composition) {
        this.jobs = composition.commitJobs();
        this.priming = composition.priming();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return Batches.insertedItems(event, context, item -> {
            if (item instanceof Keys.Item.QueuedCommit queued) {
                CommitJob job = jobs.work(queued.programmeId(), queued.jobId());
                context.getLogger().log("commit job " + job.jobId() + " of " + job.programmeId() + ": " + job.state()
                        + ", " + job.rowsWritten() + " of " + job.rowsTotal() + " rows"
                        + job.failure().map(why -> " (" + why + ")").orElse(""));
            }
        });
    }

    /**
     * SnapStart priming, before the snapshot: first the record of a job that does not exist, through the
     * handler (it reads the table, finds nothing and writes nothing), then what a job does after its
     * reads, on a small programme made in memory ({@link CommitRunsPriming}: allocated, its first batch
     * of rows marshalled and signed but not sent, its files rendered in memory, a link signed).
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(StreamEvents.inserted(Keys.commitJobKeys(PRIMING, "20000101T000000000Z-000000")), null);
        primeDeeper();
    }

    /** The deeper part; a failure costs only the snapshot's warmth, so it is logged, never thrown. */
    List<String> primeDeeper() {
        return Priming.logged(priming::prime);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
