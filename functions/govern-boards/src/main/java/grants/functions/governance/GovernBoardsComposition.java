package grants.functions.governance;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.PublicRecords;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.ReportingService;

/**
 * Everything the GovernBoards function uses, built once per container from what the functions share
 * ({@link Wiring}): governance's use cases for a register, over its Dynamo store (only governance uses
 * it), with reporting's side of {@code PackExceptions} read from the register ({@link ReportedExceptions});
 * and the routes over them. The handler only routes.
 */
public final class GovernBoardsComposition {

    private final GovernRoutes routes;
    private final GovernPapersRoutes papers;
    private final GovernanceOpenData openData;
    private final String financeClientId;

    public GovernBoardsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        // The pack's exceptions need the figures alone: the contributing agreements' outputs are not read.
        ReportingService reporting = new ReportingService(new DynamoReportingStore(wiring.table(), wiring.auditTable()),
                ContributingAgreement.Source.NONE, wiring.clock());
        this.routes = new GovernRoutes(registerId -> governance(wiring, reporting, registerId), financeClientId);
        this.papers = new GovernPapersRoutes(reporting, registerId -> new DynamoGovernanceStore(wiring.table(),
                wiring.auditTable(), registerId), wiring.clock(), financeClientId);
        this.openData = new GovernanceOpenData(registerId -> PublicRecords.today(new DynamoGovernanceStore(
                wiring.table(), wiring.auditTable(), registerId), wiring.clock()));
    }

    /** Governance's use cases for one register, writing in its audit trail. */
    public static GovernanceService governance(Wiring wiring, ReportingService reporting, String registerId) {
        return new GovernanceService(new DynamoGovernanceStore(wiring.table(), wiring.auditTable(), registerId),
                new ReportedExceptions(reporting, registerId), GovernanceSettings.STANDARD, registerId, wiring.clock());
    }

    GovernRoutes routes() {
        return routes;
    }

    /** A meeting's papers and the public log. */
    GovernPapersRoutes papers() {
        return papers;
    }

    /** The public's open data: the decisions, actions and recommendations as CSV files. */
    GovernanceOpenData openData() {
        return openData;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
