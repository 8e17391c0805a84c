package grants.functions.export;

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
import grants.core.exports.ExportResult;
import grants.core.exports.ExportService;
import grants.core.exports.ExportStore;

import java.util.List;

/**
 * The ExportFinance function: the grants table's stream delivers each committed run's header
 * (filtered in template.yaml to INSERTs of {@code RUN#} items), and the run is exported to the
 * bucket and emailed to finance. A failed record is reported back so Lambda retries from it;
 * exports are idempotent and the email goes once, so retries are harmless.
 */
public class ExportFinanceHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    /** What priming names: nothing of the kind exists, so nothing is changed. */
    private static final String PRIMING = "snapstart-priming";

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE, Environment.EXPORT_BUCKET,
            Environment.SENDER_EMAIL, Environment.EMAIL_LINK_EXPIRY_HOURS, Environment.LEDGER_WAIT_SECONDS);

    private final ExportService exports;
    private final ExportFinancePriming priming;

    public ExportFinanceHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public ExportFinanceHandler(Wiring wiring) {
        this(new ExportFinanceComposition(wiring));
    }

    /** With another store for the files: the tests' way to make the bucket fail part-way. */
    ExportFinanceHandler(Wiring wiring, ExportStore files) {
        this(new ExportFinanceComposition(wiring, files));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public ExportFinanceHandler(ExportFinanceComposition composition) {
        this.exports = composition.exports();
        this.priming = composition.priming();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return Batches.insertedItems(event, context, item -> {
            if (item instanceof Keys.Item.CommittedRun run) {
                ExportResult result = exports.export(run.programmeId(), run.runId());
                context.getLogger().log("exported " + result.prefix() + " (" + result.files().size() + " files)"
                        + result.emailMessageId().map(id -> ", emailed finance as " + id).orElse(""));
            }
        });
    }

    /**
     * SnapStart priming, before the snapshot: first the record of a run that does not exist, through the
     * handler (it reads the table, finds nothing and writes nothing; the failure is reported back as a
     * real one would be), then what an export does after that read, on a small run made in memory
     * ({@link ExportFinancePriming}: files rendered, a link signed, the index entry stopped unsent).
     * The restored function starts with all of those classes loaded and initialised.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(StreamEvents.inserted(Keys.committedRunKeys(PRIMING, "20000101T000000000Z-000000")), null);
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
