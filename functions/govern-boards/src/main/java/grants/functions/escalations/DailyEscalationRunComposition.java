package grants.functions.escalations;

import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceService;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.ReportingService;
import grants.functions.governance.GovernBoardsComposition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the daily escalation run uses, built once per container from what the functions share
 * ({@link Wiring}): the registers with governance, and governance's use cases for each. The run reads
 * nothing of reporting (escalation needs the actions alone). The handler only runs it.
 */
public final class DailyEscalationRunComposition {

    private final Supplier<List<Escalation>> run;
    private final Runnable primingRead;

    public DailyEscalationRunComposition(Wiring wiring) {
        ReportingService reporting = new ReportingService(new DynamoReportingStore(wiring.table(), wiring.auditTable()),
                ContributingAgreement.Source.NONE, wiring.clock());
        this.run = () -> {
            List<Escalation> made = new ArrayList<>();
            for (String registerId : DynamoGovernanceStore.governedRegisters(wiring.table())) {
                GovernanceService governance = GovernBoardsComposition.governance(wiring, reporting, registerId);
                made.addAll(governance.runEscalations());
            }
            return made;
        };
        this.primingRead = () -> DynamoGovernanceStore.governedRegisters(wiring.table());
    }

    /** Every register's escalations of the day: each action once, a missed day caught up (G6). */
    List<Escalation> runEscalations() {
        return run.get();
    }

    /** A read through the store, the SDK and the table, that writes nothing: SnapStart's priming. */
    Runnable primingRead() {
        return primingRead;
    }
}
