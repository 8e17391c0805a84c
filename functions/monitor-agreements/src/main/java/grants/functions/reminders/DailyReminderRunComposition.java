package grants.functions.reminders;

import grants.adapters.wiring.Wiring;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;

/**
 * Everything the daily reminder run uses, built once per container from what the functions share
 * ({@link Wiring}): monitoring's use cases over the monitoring store, and where reminders go. The
 * handler only runs it.
 */
public final class DailyReminderRunComposition {

    private final MonitoringService monitoring;
    private final Runnable primingRead;

    public DailyReminderRunComposition(Wiring wiring) {
        this.primingRead = () -> wiring.monitoring().bankHolidays();
        this.monitoring = new MonitoringService(wiring.monitoring(), addressees(), MonitoringSettings.STANDARD,
                wiring.clock());
    }

    /**
     * Where reminders go. Until the lead contacts' and officers' addresses are read (from their
     * bindings, less the notices' suppression list), nobody is known, so a reminder due is
     * suppressed as NO_CONTACT: this is where that reader is built.
     */
    private static Addressees addressees() {
        return Addressees.NONE;
    }

    MonitoringService monitoring() {
        return monitoring;
    }

    /** A read through the store, the SDK and the table, that writes nothing: SnapStart's priming. */
    Runnable primingRead() {
        return primingRead;
    }
}
