package grants.functions.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.Batches;
import grants.adapters.lambda.Priming;
import grants.adapters.lambda.StreamEvents;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.AgreementIntake;

import org.crac.Core;
import org.crac.Resource;

import java.util.List;

/**
 * MonitorAgreements on the grants table's stream (filtered in template.yaml): agreements appear by
 * themselves. A round's head written (each change of stage) or a contract accepted enters the round's
 * published contracts and copies their acceptances; a committed run's header enters its grants. Rounds
 * and runs never call monitoring: it pulls. Every step is idempotent, so a record delivered again, or
 * records of two partitions in either order, change nothing more.
 */
public class EnterAgreementsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final AgreementIntake intake;
    private final EnterAgreementsPriming priming;

    public EnterAgreementsHandler() {
        this(Wiring.fromEnvironment());
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public EnterAgreementsHandler(Wiring wiring) {
        this(new EnterAgreementsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public EnterAgreementsHandler(EnterAgreementsComposition composition) {
        this.intake = composition.intake();
        this.priming = composition.priming();
        Core.getGlobalContext().register(this);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return Batches.writtenItems(event, context, item -> {
            if (item instanceof Keys.Item.RoundHead head) {
                intake.fromRound(head.roundId());
            } else if (item instanceof Keys.Item.AcceptedContract accepted) {
                intake.fromRound(accepted.roundId());
            } else if (item instanceof Keys.Item.CommittedRun run) {
                intake.fromRun(run.programmeId(), run.runId());
            }
        });
    }

    /**
     * SnapStart priming, before the snapshot: first a round's head of a round that does not exist, through
     * the handler (it reads the table, finds nothing, so nothing is entered or written), then what the intake
     * does with a committed run once it has read it, on a small run made in memory
     * ({@link EnterAgreementsPriming}: its agreements made and planned, each one's write signed, none sent).
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
