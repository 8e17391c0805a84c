package grants.functions.reminders;

import grants.adapters.dynamodb.DynamoFigureReminderLedger;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.KnownAddressees;
import grants.core.monitoring.MonitoringService;
import grants.core.reporting.OwnerReminders;

/**
 * Everything the daily reminder run uses, built once per container from what the functions share
 * ({@link Wiring}): monitoring's use cases over the monitoring store, and where reminders go; and
 * performance reporting's owner reminders, through the same kind of ledger row, counting working days
 * by the same bank holidays. The handler only runs them.
 */
public final class DailyReminderRunComposition {

    /** Reminders handled at once: each mostly waits on a few store calls in turn, so sixteen keep the table busy. */
    static final int RUN_WRITERS = 16;

    private final MonitoringService monitoring;
    private final OwnerReminders owners;
    private final Runnable primingRead;

    public DailyReminderRunComposition(Wiring wiring) {
        // Where reminders go: the addresses rounds and programmes already write to, and officers' addresses
        // kept when a manager named them, less bounced ones.
        this(wiring, new KnownAddressees(wiring.rounds(), wiring.programmes(), wiring.notices(),
                wiring.monitoring()::addressOf));
    }

    /** With addresses from elsewhere: the local runner's replay writes to the people its document names. */
    public DailyReminderRunComposition(Wiring wiring, Addressees addressees) {
        this.primingRead = () -> wiring.monitoring().bankHolidays();
        this.monitoring = new MonitoringService(wiring.monitoring(), addressees, wiring.clock(), RUN_WRITERS);
        this.owners = new OwnerReminders(new DynamoReportingStore(wiring.table(), wiring.auditTable()),
                new DynamoFigureReminderLedger(wiring.table(), wiring.auditTable()),
                () -> new WorkingDays(wiring.monitoring().bankHolidays()), wiring.clock());
    }

    /** Indicator owners reminded that their quarter's figures are due (registers are few: each is read). */
    OwnerReminders owners() {
        return owners;
    }

    MonitoringService monitoring() {
        return monitoring;
    }

    /** A read through the store, the SDK and the table, that writes nothing: SnapStart's priming. */
    Runnable primingRead() {
        return primingRead;
    }
}
