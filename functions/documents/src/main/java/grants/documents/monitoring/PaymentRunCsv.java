package grants.documents.monitoring;

import grants.core.allocation.AllocationCsv;
import grants.core.exports.ExportFile;
import grants.core.money.Money;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.Hold;
import grants.core.monitoring.Payment;
import grants.core.monitoring.PaymentRun;
import grants.documents.exports.PaymentReferences;
import grants.documents.exports.PaymentsCsv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A payment run's two files: {@code payments-<day>.csv}, in the columns of every payment file the
 * system writes (one finance import reads rounds', runs' and monitoring's alike), and
 * {@code held-<day>.csv}, each held instalment with every reason and what blocks it. A run that
 * pays or holds nothing still writes both, with their header alone.
 */
final class PaymentRunCsv {

    static final String HELD = "agreement_id,instalment,due_date,amount_gbp,reasons,blocking";

    private PaymentRunCsv() {
    }

    /**
     * A contract's line names it in {@code contract_id} and its round in {@code round_id}; a grant's
     * names its partnership. References are {@code MN-<6 of the run's hash>-NNN}, so two runs never share one.
     */
    static ExportFile payments(MonitoringRecord record, PaymentRun run) {
        List<Payment> paid = run.paid();
        String referencePart = "run-" + AllocationCsv.sha256((record.book().bookId() + "/" + run.day())
                .getBytes(StandardCharsets.UTF_8)).substring(0, 6).toUpperCase(Locale.ROOT);
        List<PaymentsCsv.Payment> lines = new ArrayList<>();
        for (int i = 0; i < paid.size(); i++) {
            Payment payment = paid.get(i);
            Agreement agreement = record.book().agreement(payment.agreementId());
            boolean contract = agreement.source() == Agreement.Source.CONTRACT;
            String payee = record.book().organisations().get(agreement.organisation()).name();
            lines.add(new PaymentsCsv.Payment(PaymentReferences.reference("MN", referencePart, i + 1, paid.size()),
                    payee, agreement.organisation(), contract ? null : agreement.organisation(), contract ? null : payee,
                    contract ? agreement.id() : null, payment.instalment().number(),
                    payment.instalment().due().toString(), payment.instalment().pence(),
                    agreement.trail().toUpperCase(Locale.ROOT), null, contract ? agreement.trail() : null));
        }
        ExportFile file = PaymentsCsv.write(lines);
        return new ExportFile("payments-" + run.day() + ".csv", file.contentType(), file.bytes(), file.rows());
    }

    static ExportFile held(PaymentRun run) {
        return MonitoringCsv.file("held-" + run.day() + ".csv", HELD, run.held().stream().map(PaymentRunCsv::held).toList());
    }

    private static List<String> held(Hold hold) {
        return List.of(hold.agreementId(), String.valueOf(hold.instalment().number()), hold.instalment().due().toString(),
                Money.format(hold.instalment().pence()),
                String.join(";", hold.reasons().stream().map(Enum::name).sorted().toList()), String.join(";", hold.blocking()));
    }
}
