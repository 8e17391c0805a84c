package grants.functions.eventreminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Map;

/**
 * The events' daily reminder run (07:00 Europe/London): everyone with a place at an event in the next two working
 * days is reminded by email, once per event, a missed day caught up by the next run. The schedule's input says
 * nothing the run needs (the day is the clock's), so it is taken as a plain map.
 */
public class EventRemindersHandler implements RequestHandler<Map<String, Object>, String>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE, Environment.AUDIT_TABLE);

    private final EventRemindersComposition composition;

    public EventRemindersHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public EventRemindersHandler(Wiring wiring) {
        this(new EventRemindersComposition(wiring));
    }

    public EventRemindersHandler(EventRemindersComposition composition) {
        this.composition = composition;
    }

    @Override
    public String handleRequest(Map<String, Object> scheduleInput, Context context) {
        List<String> reminded = composition.run();
        String summary = "events' daily reminder run: " + reminded.size() + " event(s) reminded " + reminded;
        if (context != null) {
            context.getLogger().log(summary);
        }
        return summary;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        composition.primingRead();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
