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
    private final RecordCommitmentsPriming priming;

    public RecordCommitmentsComposition(Wiring wiring) {
        DynamoLedgerStore store = new DynamoLedgerStore(wiring.table(), wiring.auditTable());
        LedgerService ledger = new LedgerService(store, wiring.clock());
        this.intake = new CommitmentIntake(ledger, wiring.programmes(), wiring.runs(), wiring.rounds(), wiring.clock());
        this.payments = new PaymentIntake(ledger, wiring.runs());
        this.paidLines = new PaidLines(wiring.table());
        this.priming = new RecordCommitmentsPriming(store, wiring.programmes(), wiring.runs(), wiring.rounds(),
                wiring.clock());
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

    /** SnapStart's deeper priming: a small run committed by the real intake, the ledger's writes not sent. */
    RecordCommitmentsPriming priming() {
        return priming;
    }
}
