package grants.functions.escalations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.governance.Escalation;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/**
 * The daily escalation run (G6), started by EventBridge Scheduler at 07:00 Europe/London: escalates,
 * once, every open action at least 20 working days overdue at the end of the day before, in every
 * register with governance. A run that fails is retried by the scheduler and then kept in its
 * dead-letter queue; run again, it escalates nothing twice (the ledger), and a missed day is caught up.
 */
public class DailyEscalationRunHandler implements RequestHandler<Map<String, Object>, String>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final DailyEscalationRunComposition composition;

    public DailyEscalationRunHandler() {
        this(Wiring.fromEnvironment());
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public DailyEscalationRunHandler(Wiring wiring) {
        this(new DailyEscalationRunComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only runs it. */
    public DailyEscalationRunHandler(DailyEscalationRunComposition composition) {
        this.composition = composition;
        Core.getGlobalContext().register(this);
    }

    /** What the run did, in a line for the log. The schedule's input says nothing the run needs (the day is the clock's). */
    @Override
    public String handleRequest(Map<String, Object> scheduleInput, Context context) {
        List<Escalation> made = composition.runEscalations();
        String summary = "daily escalation run: " + made.size() + " action(s) escalated";
        if (context != null) {
            context.getLogger().log(summary);
        }
        return summary;
    }

    /** SnapStart priming: the list of registers read once through every layer, writing nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        composition.primingRead().run();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
