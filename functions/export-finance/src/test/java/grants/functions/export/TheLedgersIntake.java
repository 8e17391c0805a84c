package grants.functions.export;

import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.wiring.Wiring;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.LedgerService;

/**
 * What RecordCommitments does with the same stream record that triggers the export: the run's
 * commitment recorded in the ledger (its lines first opened from the programme's document), so that
 * the export finds it at once rather than wait for it.
 */
final class TheLedgersIntake {

    private TheLedgersIntake() {
    }

    static void recordsTheRun(Wiring wiring, String programmeId, String runId) {
        new CommitmentIntake(new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()),
                wiring.clock()), wiring.programmes(), wiring.runs(), wiring.rounds(), wiring.clock())
                .fromRun(programmeId, runId);
    }
}
