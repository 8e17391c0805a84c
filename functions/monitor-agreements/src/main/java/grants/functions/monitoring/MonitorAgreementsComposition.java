package grants.functions.monitoring;

import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.Acceptances;
import grants.core.monitoring.BankHolidayCalendar;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.ScopeSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.MonitoringViews;

/**
 * Everything the MonitorAgreements function uses, built once per container from what the functions
 * share ({@link Wiring}): monitoring's use cases over the monitoring store (the changes and payment
 * runs in {@link MonitoringService}, a grant's acceptance in {@link Acceptances}, the reading in
 * {@link MonitoringViews}, each programme's and round's settings in {@link ScopeSettings}) and the
 * routes over them. It sends no reminder (the daily run's function
 * does), so it knows no address. The handler only routes.
 */
public final class MonitorAgreementsComposition {

    /**
     * Organisations a payment run handles at once: each is a few reads and a transaction per agreement
     * paid, mostly waiting on the table, so sixteen keep it busy (as the daily run's reminders do).
     */
    static final int PAYMENT_RUN_WRITERS = 16;

    private final MonitorRoutes routes;
    private final String financeClientId;

    public MonitorAgreementsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        MonitoringStore store = wiring.monitoring();
        MonitoringService monitoring = new MonitoringService(store, Addressees.NONE, wiring.clock(),
                PAYMENT_RUN_WRITERS);
        this.routes = new MonitorRoutes(monitoring, new Acceptances(store, wiring.clock()),
                new MonitoringViews(store, wiring.clock()), new ScopeSettings(store, wiring.clock()),
                new BankHolidayCalendar(store, wiring.clock()), financeClientId);
    }

    MonitorRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
