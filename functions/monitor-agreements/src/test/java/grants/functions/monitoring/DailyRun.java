package grants.functions.monitoring;

import com.fasterxml.jackson.core.type.TypeReference;
import grants.documents.Json;
import grants.functions.reminders.DailyReminderRunHandler;
import grants.localaws.LocalLambdaContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The daily reminder run as EventBridge Scheduler starts it: the schedule's input, its sample event, through its handler. */
record DailyRun(DailyReminderRunHandler handler) {

    static DailyRun of(MonitoringOnTheEmulators stack) {
        return new DailyRun(new DailyReminderRunHandler(stack.wiring));
    }

    String run() {
        try (InputStream in = DailyRun.class.getResourceAsStream("/daily-reminder-run.json")) {
            Map<String, Object> input = Json.MAPPER.readValue(in, new TypeReference<>() { });
            return handler.handleRequest(input, new LocalLambdaContext("MonitorAgreementsDailyRunFunction"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
