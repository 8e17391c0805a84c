package grants.adapters.dynamodb;

import grants.core.monitoring.KeptPaymentRun;

import java.util.Optional;

/**
 * One paid line of a payment run, read by the keys its stream record names, so that the ledger's intake
 * pays it against its commitment: the run it belongs to (its id and who made it) and the line.
 */
public final class PaidLines {

    /** A paid line and the run that paid it. */
    public record PaidLine(KeptPaymentRun.Begun run, KeptPaymentRun.Paid line) {
    }

    private final GrantsTable table;

    public PaidLines(GrantsTable table) {
        this.table = table;
    }

    public Optional<PaidLine> paidLine(Keys.Item.PaidInstalment paid) {
        return table.get(Keys.paymentRunsOn(paid.day()), Keys.paidLine(paid.runId(), paid.agreementId(), paid.instalment()))
                .map(item -> new PaidLine(PaymentRunItems.begun(paid.day(), item), PaymentRunItems.paid(item)));
    }
}
