package grants.functions.reporting;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.wiring.Wiring;
import grants.core.reporting.FigureUploads;
import grants.core.reporting.ReportingService;

/**
 * Everything the ReportPerformance function uses, built once per container from what the functions
 * share ({@link Wiring}): the register's store (only this function uses it), reporting's use cases
 * with the contributing agreements read from monitoring ({@link MonitoredContributions}), the board
 * packs kept in the export bucket ({@link KeptBoardPacks}), and the routes over them. The handler only routes.
 */
public final class ReportPerformanceComposition {

    private final ReportRoutes routes;
    private final String financeClientId;

    public ReportPerformanceComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        DynamoReportingStore store = new DynamoReportingStore(wiring.table(), wiring.auditTable());
        ReportingService reporting = new ReportingService(store, new MonitoredContributions(wiring.monitoring()),
                wiring.clock());
        KeptBoardPacks keptPacks = new KeptBoardPacks(new S3PresignedLinks(wiring.aws(),
                wiring.environment().required(Environment.EXPORT_BUCKET)), wiring.clock());
        this.routes = new ReportRoutes(reporting, new FigureUploads(reporting, store, wiring.clock()), keptPacks,
                financeClientId);
    }

    ReportRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
