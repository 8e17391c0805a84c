package grants.functions.commitments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.Keys;
import grants.adapters.dynamodb.PaidLines;
import grants.adapters.lambda.Batches;
import grants.adapters.lambda.Priming;
import grants.adapters.lambda.StreamEvents;
import grants.adapters.wiring.Wiring;
import grants.core.commitments.CommitmentIntake;
import grants.core.commitments.PaymentIntake;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;

/**
 * KeepLedger on the grants table's stream (filtered in template.yaml): commitments are made by
 * themselves. A committed run's header commits its grants; a round's head written (each change of
 * stage) commits its contracts once it is published; a payment run's paid line pays its instalment
 * against its commitment. Runs, rounds and monitoring never call the ledger; every step is idempotent,
 * so a record delivered again changes nothing.
 */
public class RecordCommitmentsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final CommitmentIntake intake;
    private final PaymentIntake payments;
    private final PaidLines paidLines;
    private final RecordCommitmentsPriming priming;

    public RecordCommitmentsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public RecordCommitmentsHandler(Wiring wiring) {
        this(new RecordCommitmentsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public RecordCommitmentsHandler(RecordCommitmentsComposition composition) {
        this.intake = composition.intake();
        this.payments = composition.payments();
        this.paidLines = composition.paidLines();
        this.priming = composition.priming();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return Batches.writtenItems(event, context, item -> {
            if (item instanceof Keys.Item.RoundHead head) {
                intake.fromRound(head.roundId());
            } else if (item instanceof Keys.Item.CommittedRun run) {
                intake.fromRun(run.programmeId(), run.runId());
            } else if (item instanceof Keys.Item.PaidInstalment paid) {
                paidLines.paidLine(paid).ifPresent(line -> payments.fromPaidLine(line.run(), line.line()));
            }
        });
    }

    /**
     * SnapStart priming, before the snapshot: first the head of a round that does not exist, through the
     * handler (it reads the table, finds nothing and writes nothing), then what the intake does with a
     * committed run once it has read it, on a small run made in memory ({@link RecordCommitmentsPriming}:
     * the programme's lines set and the run committed against them, each write signed, none sent).
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(StreamEvents.inserted(Keys.roundHeadKeys(Priming.ID)), null);
        primeDeeper();
    }

    /**
     * The deeper part; a failure costs only the snapshot's warmth, so it is logged, never thrown.
     * Public for the tests of the function's module, which live in its other package.
     */
    public List<String> primeDeeper() {
        return Priming.logged(priming::prime);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
