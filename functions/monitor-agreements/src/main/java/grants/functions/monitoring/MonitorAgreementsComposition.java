package grants.functions.monitoring;

import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.KnownAddressees;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.MonitoringViews;

/**
 * Everything the MonitorAgreements functions use, built once per container from what the functions
 * share ({@link Wiring}): monitoring's use cases over the monitoring store (the change use cases,
 * the daily reminder run and payment runs in {@link MonitoringService}, the reading in
 * {@link MonitoringViews}), where reminders go (to the addresses rounds and programmes hold), and the
 * routes over them. The handlers only route.
 */
public final class MonitorAgreementsComposition {

    private final MonitoringService monitoring;
    private final MonitorRoutes routes;
    private final String financeClientId;

    public MonitorAgreementsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        MonitoringStore store = wiring.monitoring();
        MonitoringSettings settings = MonitoringSettings.STANDARD;
        this.monitoring = new MonitoringService(store, new KnownAddressees(wiring.rounds(), wiring.programmes(),
                wiring.notices()), settings, wiring.clock());
        this.routes = new MonitorRoutes(monitoring, new MonitoringViews(store, settings, wiring.clock()),
                financeClientId);
    }

    /** The use cases, for the daily run's handler. */
    public MonitoringService monitoring() {
        return monitoring;
    }

    MonitorRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
