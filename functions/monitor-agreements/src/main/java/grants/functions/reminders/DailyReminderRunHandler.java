package grants.functions.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoringService;

import java.util.List;

/**
 * The daily reminder run (M8), started by EventBridge Scheduler at 07:00 Europe/London: handles
 * every reminder whose day has come that the ledger does not have, once each. A run that fails is
 * retried by the scheduler and then kept in its dead-letter queue; run again, it sends nothing twice.
 */
public class DailyReminderRunHandler implements RequestHandler<ScheduledEvent, String> {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final MonitoringService monitoring;

    public DailyReminderRunHandler() {
        this(Wiring.fromEnvironment());
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public DailyReminderRunHandler(Wiring wiring) {
        this(new DailyReminderRunComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only runs it. */
    public DailyReminderRunHandler(DailyReminderRunComposition composition) {
        this.monitoring = composition.monitoring();
    }

    /** What the run did, in a line for the log: how many reminders were sent and suppressed. */
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        List<LedgerEntry> handled = monitoring.runReminders();
        long sent = handled.stream().filter(entry -> entry.outcome() == LedgerEntry.Outcome.SENT).count();
        String summary = "daily reminder run: " + handled.size() + " reminder(s) handled, " + sent + " sent, "
                + (handled.size() - sent) + " suppressed";
        if (context != null) {
            context.getLogger().log(summary);
        }
        return summary;
    }
}
