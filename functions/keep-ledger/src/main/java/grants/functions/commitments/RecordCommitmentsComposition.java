package grants.functions.commitments;

import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.wiring.Wiring;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.LedgerService;

/**
 * Everything RecordCommitments uses, built once per container from what the functions share
 * ({@link Wiring}): the intake, reading runs, programmes and rounds and writing the ledger. Runs and
 * rounds never call the ledger; the table's stream tells it what they committed and published.
 */
public final class RecordCommitmentsComposition {

    private final CommitmentIntake intake;

    public RecordCommitmentsComposition(Wiring wiring) {
        this.intake = new CommitmentIntake(new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()),
                wiring.clock()), wiring.programmes(), wiring.runs(), wiring.rounds(), wiring.clock());
    }

    CommitmentIntake intake() {
        return intake;
    }
}
