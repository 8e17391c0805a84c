package grants.functions.commitments;

import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.PaidLines;
import grants.adapters.wiring.Wiring;
import grants.core.commitments.CommitmentIntake;
import grants.core.commitments.PaymentIntake;
import grants.core.ledger.LedgerService;

/**
 * Everything RecordCommitments uses, built once per container from what the functions share
 * ({@link Wiring}): the intakes, reading runs, programmes, rounds and payment runs' paid lines and writing
 * the ledger. Runs, rounds and monitoring never call the ledger; the table's stream tells it what they
 * committed, published and paid.
 */
public final class RecordCommitmentsComposition {

    private final CommitmentIntake intake;
    private final PaymentIntake payments;
    private final PaidLines paidLines;

    public RecordCommitmentsComposition(Wiring wiring) {
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()), wiring.clock());
        this.intake = new CommitmentIntake(ledger, wiring.programmes(), wiring.runs(), wiring.rounds(), wiring.clock());
        this.payments = new PaymentIntake(ledger, wiring.runs());
        this.paidLines = new PaidLines(wiring.table());
    }

    CommitmentIntake intake() {
        return intake;
    }

    /** Each instalment a payment run paid, paid in the ledger against its commitment. */
    PaymentIntake payments() {
        return payments;
    }

    /** A payment run's paid line, read by the keys its stream record names. */
    PaidLines paidLines() {
        return paidLines;
    }
}
