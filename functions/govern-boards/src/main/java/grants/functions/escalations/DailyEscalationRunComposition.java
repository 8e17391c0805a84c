package grants.functions.escalations;

import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.wiring.Wiring;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.PackExceptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the daily escalation run uses, built once per container from what the functions share
 * ({@link Wiring}): the registers with governance, and governance's use cases over each one's store.
 * Escalation needs the actions alone, so nothing of reporting is read. The handler only runs it.
 */
public final class DailyEscalationRunComposition {

    private final Wiring wiring;

    public DailyEscalationRunComposition(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Every register's escalations of the day: each action once, a missed day caught up (G6). */
    List<Escalation> runEscalations() {
        List<Escalation> made = new ArrayList<>();
        for (String registerId : DynamoGovernanceStore.governedRegisters(wiring.table())) {
            GovernanceService governance = new GovernanceService(new DynamoGovernanceStore(wiring.table(),
                    wiring.auditTable(), registerId), PackExceptions.NONE, GovernanceSettings.STANDARD, registerId,
                    wiring.clock());
            made.addAll(governance.runEscalations());
        }
        return made;
    }

    /** A read through the store, the SDK and the table, that writes nothing: SnapStart's priming. */
    Runnable primingRead() {
        return () -> DynamoGovernanceStore.governedRegisters(wiring.table());
    }
}
