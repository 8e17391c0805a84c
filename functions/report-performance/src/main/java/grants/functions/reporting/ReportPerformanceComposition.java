package grants.functions.reporting;

import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.reporting.ReportingService;

/**
 * Everything the ReportPerformance function uses, built once per container from what the functions
 * share ({@link Wiring}): the register's store (only this function uses it), reporting's use cases
 * with the contributing agreements read from monitoring ({@link MonitoredContributions}), and the
 * routes over them. The handler only routes.
 */
public final class ReportPerformanceComposition {

    private final ReportRoutes routes;

    public ReportPerformanceComposition(Wiring wiring) {
        DynamoReportingStore store = new DynamoReportingStore(wiring.table(), wiring.auditTable());
        ReportingService reporting = new ReportingService(store, new MonitoredContributions(wiring.monitoring()),
                wiring.clock());
        this.routes = new ReportRoutes(reporting);
    }

    ReportRoutes routes() {
        return routes;
    }
}
