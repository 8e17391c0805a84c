package grants.functions.monitoring;

import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.MonitoringViews;

import java.util.List;

/**
 * Everything the MonitorAgreements functions use, built once per container from what the functions
 * share ({@link Wiring}): monitoring's use cases over the monitoring store (the change use cases,
 * the daily reminder run and payment runs in {@link MonitoringService}, the reading in
 * {@link MonitoringViews}), where reminders go, and the routes over them. The handlers only route.
 */
public final class MonitorAgreementsComposition {

    private final MonitoringService monitoring;
    private final MonitorRoutes routes;
    private final String financeClientId;

    public MonitorAgreementsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        MonitoringStore store = wiring.monitoring();
        MonitoringSettings settings = MonitoringSettings.STANDARD;
        this.monitoring = new MonitoringService(store, addressees(), settings, wiring.clock());
        this.routes = new MonitorRoutes(monitoring, new MonitoringViews(store, settings, wiring.clock()),
                financeClientId);
    }

    /**
     * Where reminders go. Until the lead contacts' addresses are read from their bindings (with
     * the notices' suppression list), nobody is known, so a LEAD reminder is suppressed as
     * NO_CONTACT: this is where that reader is built.
     */
    private static Addressees addressees() {
        return new Addressees() {
            @Override
            public List<String> leadContacts(String organisation) {
                return List.of();
            }

            @Override
            public List<String> person(String personId) {
                return List.of();
            }
        };
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
