package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import grants.functions.reminders.DailyReminderRunHandler;
import grants.localaws.LocalLambdaContext;

/** The daily reminder run as EventBridge Scheduler starts it: its sample event, through its handler. */
record DailyRun(DailyReminderRunHandler handler) {

    static DailyRun of(MonitoringOnTheEmulators stack) {
        return new DailyRun(new DailyReminderRunHandler(stack.wiring));
    }

    String run() {
        return handler.handleRequest(EventLoader.loadScheduledEvent("daily-reminder-run.json"),
                new LocalLambdaContext("MonitorAgreementsDailyRunFunction"));
    }
}
