package grants.documents.monitoring;

import grants.documents.CsvFile;

import grants.core.allocation.AllocationCsv;
import grants.core.exports.ExportFile;
import grants.core.money.Money;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.Hold;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.Payment;
import grants.core.monitoring.PaymentRun;
import grants.documents.exports.PaymentReferences;
import grants.documents.exports.PaymentsCsv;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A payment run's two files: {@code payments-<day>.csv}, in the columns of every payment file the
 * system writes (one finance import reads rounds', runs' and monitoring's alike), and
 * {@code held-<day>.csv}, each held instalment with every reason and what blocks it. A run that
 * pays or holds nothing still writes both, with their header alone. The replay's run and the runs
 * kept in the table (a day may have several, one after another in one file) are written alike.
 */
public final class PaymentRunCsv {

    static final String HELD = "agreement_id,instalment,due_date,amount_gbp,reasons,blocking";

    private PaymentRunCsv() {
    }

    /** The replay's run; its references' run part is 6 of the hash of the book and the day. */
    static ExportFile payments(MonitoringRecord record, PaymentRun run) {
        String runPart = "run-" + AllocationCsv.sha256((record.book().bookId() + "/" + run.day())
                .getBytes(StandardCharsets.UTF_8)).substring(0, 6).toUpperCase(Locale.ROOT);
        List<KeptPaymentRun.Paid> paid = run.paid().stream().map(payment -> {
            Agreement agreement = record.book().agreement(payment.agreementId());
            return new KeptPaymentRun.Paid(payment, agreement.trail(), agreement.source(),
                    record.book().organisations().get(agreement.organisation()).name());
        }).toList();
        return paymentsFile(run.day(), lines(runPart, paid));
    }

    static ExportFile held(PaymentRun run) {
        return heldFile(run.day(), run.held());
    }

    /** A day's runs as kept, in the order they were made; each run's references are its own. */
    public static ExportFile payments(LocalDate day, List<KeptPaymentRun> runs) {
        List<PaymentsCsv.Payment> lines = new ArrayList<>();
        runs.forEach(run -> lines.addAll(lines(run.begun().runId(), run.paid())));
        return paymentsFile(day, lines);
    }

    public static ExportFile held(LocalDate day, List<KeptPaymentRun> runs) {
        return heldFile(day, runs.stream().flatMap(run -> run.held().stream()).map(KeptPaymentRun.Held::hold).toList());
    }

    /**
     * A contract's line names it in {@code contract_id} and its round in {@code round_id}; a grant's
     * names its partnership. References are {@code MN-<the run id's last 6>-NNN}, so two runs never share one.
     */
    private static List<PaymentsCsv.Payment> lines(String runId, List<KeptPaymentRun.Paid> paid) {
        List<PaymentsCsv.Payment> lines = new ArrayList<>();
        for (int i = 0; i < paid.size(); i++) {
            KeptPaymentRun.Paid line = paid.get(i);
            Payment payment = line.payment();
            boolean contract = line.source() == Agreement.Source.CONTRACT;
            String organisation = payment.organisation();
            lines.add(new PaymentsCsv.Payment(PaymentReferences.reference("MN", runId, i + 1, paid.size()),
                    line.payee(), organisation, contract ? null : organisation, contract ? null : line.payee(),
                    contract ? payment.agreementId() : null, payment.instalment().number(),
                    payment.instalment().due().toString(), payment.instalment().pence(),
                    line.trail().toUpperCase(Locale.ROOT), null, contract ? line.trail() : null));
        }
        return lines;
    }

    private static ExportFile paymentsFile(LocalDate day, List<PaymentsCsv.Payment> lines) {
        ExportFile file = PaymentsCsv.write(lines);
        return new ExportFile("payments-" + day + ".csv", file.contentType(), file.bytes(), file.rows());
    }

    private static ExportFile heldFile(LocalDate day, List<Hold> held) {
        return CsvFile.of("held-" + day + ".csv", HELD, held.stream().map(PaymentRunCsv::held).toList());
    }

    private static List<String> held(Hold hold) {
        return List.of(hold.agreementId(), String.valueOf(hold.instalment().number()), hold.instalment().due().toString(),
                Money.format(hold.instalment().pence()),
                String.join(";", hold.reasons().stream().map(Enum::name).sorted().toList()), String.join(";", hold.blocking()));
    }
}
