package grants.functions.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoringService;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.OwnerReminders;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/**
 * The daily reminder run (M8), started by EventBridge Scheduler at 07:00 Europe/London: handles
 * every reminder whose day has come that the ledger does not have, once each. A run that fails is
 * retried by the scheduler and then kept in its dead-letter queue; run again, it sends nothing twice.
 * The same run reminds indicator owners that their quarter's figures are due, in the same way.
 */
public class DailyReminderRunHandler implements RequestHandler<Map<String, Object>, String>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final MonitoringService monitoring;
    private final OwnerReminders owners;
    private final Runnable primingRead;

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
        this.owners = composition.owners();
        this.primingRead = composition.primingRead();
        Core.getGlobalContext().register(this);
    }

    /**
     * What the run did, in a line for the log: how many reminders were sent and suppressed, then how many
     * figure reminders. Monitoring's go first: a failure in the owners' fails the run, which is retried,
     * and the reminders already in the ledger are not sent again. The
     * schedule's input says nothing the run needs (the day is the clock's), so it is taken as a plain
     * map: no event class, nor the Joda-Time that the events library's ScheduledEvent would bring.
     */
    @Override
    public String handleRequest(Map<String, Object> scheduleInput, Context context) {
        List<LedgerEntry> handled = monitoring.runReminders();
        long sent = handled.stream().filter(entry -> entry.outcome() == LedgerEntry.Outcome.SENT).count();
        String summary = "daily reminder run: " + handled.size() + " reminder(s) handled, " + sent + " sent, "
                + (handled.size() - sent) + " suppressed";
        List<FigureReminder.Handled> figures = owners.run();
        long figuresSent = figures.stream().filter(entry -> entry.outcome() == FigureReminder.Handled.Outcome.SENT)
                .count();
        summary += "; " + figures.size() + " figure reminder(s) handled, " + figuresSent + " sent, "
                + (figures.size() - figuresSent) + " without an address";
        if (context != null) {
            context.getLogger().log(summary);
        }
        return summary;
    }

    /** SnapStart priming: the store read once through every layer, writing nothing (a run would send reminders). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        primingRead.run();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
