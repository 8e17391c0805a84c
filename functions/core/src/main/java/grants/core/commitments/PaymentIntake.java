package grants.core.commitments;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerService;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.Payment;
import grants.core.run.AllocationRunStore;
import grants.core.run.RunHeader;

import java.util.Optional;

/**
 * Finance's payment runs pay through the ledger: each instalment a run paid becomes a {@code PAID} entry
 * against the commitment it was promised under, as the table's stream hands over the run's paid line
 * (written with the agreement it marked paid). A contract's instalment is paid against the contract's
 * commitment for the financial year it fell due in; a grant's against the commitment of its programme's
 * latest committed run. The entry's id is the instalment's own ({@code paid:<agreement>/<n>}), so a line
 * delivered again, or the same instalment in a second run, is paid once. Monitoring never calls the ledger.
 */
public final class PaymentIntake {

    /** Who reads a scope's statement to see whether it keeps a ledger at all. */
    private static final Actor INTAKE = Actor.system("ledger-intake", Role.AUDITOR);

    private final LedgerService ledger;
    private final AllocationRunStore runs;

    public PaymentIntake(LedgerService ledger, AllocationRunStore runs) {
        this.ledger = ledger;
        this.runs = runs;
    }

    /**
     * The paid line of a payment run, paid in the ledger of the round or programme it came from; nothing
     * where that scope keeps no ledger (its payments are not budgeted through it). A payment against a
     * commitment the ledger does not hold yet, in a scope that keeps one, is refused {@code NOT_COMMITTED}
     * (the stream delivers it again, so a commitment late on another partition is waited for).
     */
    public Optional<Entry> fromPaidLine(KeptPaymentRun.Begun run, KeptPaymentRun.Paid line) {
        Payment payment = line.payment();
        Agreement.Instalment instalment = payment.instalment();
        String scope = line.trail();
        Optional<String> commitment = commitmentOf(line);
        if (commitment.isEmpty() || keepsNoLedger(scope)) {
            return Optional.empty();
        }
        return Optional.of(ledger.pay(scope, paymentId(payment.agreementId(), instalment.number()), commitment.get(),
                instalment.pence(), "Instalment " + instalment.number() + " of " + payment.agreementId() + " paid to "
                        + line.payee() + " by payment run " + run.runId(), run.by(), payment.paidOn()));
    }

    /** The id of an instalment's payment in the ledger: one per instalment, whichever run paid it. */
    public static String paymentId(String agreementId, int instalment) {
        return "paid:" + agreementId + "/" + instalment;
    }

    private Optional<String> commitmentOf(KeptPaymentRun.Paid line) {
        Payment payment = line.payment();
        if (line.source() == Agreement.Source.CONTRACT) {
            return Optional.of(CommitmentIntake.contractCommitment(line.trail(), payment.agreementId(),
                    FinancialYear.of(payment.instalment().due())));
        }
        return runs.latest(line.trail()).map(RunHeader::runId)
                .map(runId -> CommitmentIntake.runCommitment(line.trail(), runId));
    }

    private boolean keepsNoLedger(String scope) {
        return ledger.statement(INTAKE, scope).rows().isEmpty();
    }
}
