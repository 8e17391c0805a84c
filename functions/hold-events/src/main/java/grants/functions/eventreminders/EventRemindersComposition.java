package grants.functions.eventreminders;

import grants.adapters.dynamodb.DynamoEventStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.wiring.Wiring;
import grants.core.calendar.WorkingDays;
import grants.core.events.EventService;
import grants.core.run.ProgrammeStore;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the events' daily reminder run uses, built once per container from what the functions share: the
 * events use case over the events store, the programmes to go through, and the working days (the bank holidays
 * monitoring keeps, read afresh each run).
 */
public final class EventRemindersComposition {

    /** Everyone with a place is reminded this many working days before the event. */
    public static final int WORKING_DAYS_BEFORE = 2;

    private final EventService events;
    private final ProgrammeStore programmes;
    private final Supplier<WorkingDays> workingDays;

    public EventRemindersComposition(Wiring wiring) {
        DynamoEventStore store = new DynamoEventStore(wiring.table(), wiring.auditTable());
        this.programmes = wiring.programmes();
        this.events = new EventService(programmes, new DynamoSupportStore(wiring.table(), wiring.auditTable()), store,
                wiring.clock());
        this.workingDays = () -> new WorkingDays(wiring.monitoring().bankHolidays());
    }

    /** One run: every programme's events due a reminder; what it reminded, by programme, for the log. */
    List<String> run() {
        WorkingDays days = workingDays.get();
        return programmes.list().stream().flatMap(programme -> events.remind(programme.programmeId(), days,
                WORKING_DAYS_BEFORE).stream().map(eventId -> programme.programmeId() + "/" + eventId)).toList();
    }

    /** SnapStart priming: the reads a run makes, writing nothing. */
    void primingRead() {
        workingDays.get();
        programmes.list();
    }
}
