package grants.documents.exports;

import grants.core.exports.ExportFile;
import grants.core.money.Money;
import grants.core.text.Csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Finance's payments.csv, one file shape for allocation runs and commissioning rounds alike, so one
 * finance import reads both: one line per payment due, ready for the ledger, no line for a zero amount.
 * A column that does not apply to the file's source is empty (an allocation run has no contract, a
 * round no partnership id; {@code run_id} or {@code round_id} names the source).
 */
public final class PaymentsCsv {

    public static final String HEADER = "payment_reference,payee,organisation_id,partnership_id,partnership_name,contract_id,"
            + "instalment,due_date,amount_gbp,cost_centre,run_id,round_id";
    static final String NAME = "payments.csv";
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private PaymentsCsv() {
    }

    /** One payment; {@code null} where a column does not apply. */
    public record Payment(String reference, String payee, String organisationId, String partnershipId,
                   String partnershipName, String contractId, int instalment, String dueDate, long pence,
                   String costCentre, String runId, String roundId) {

        List<String> fields() {
            return List.of(reference, payee, text(organisationId), text(partnershipId), text(partnershipName),
                    text(contractId), String.valueOf(instalment), dueDate, Money.format(pence), costCentre,
                    text(runId), text(roundId));
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    public static ExportFile write(List<Payment> payments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(payments, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportFile(NAME, CONTENT_TYPE, bytes.toByteArray(), payments.size());
    }

    static void write(List<Payment> payments, OutputStream out) throws IOException {
        ChunkedText csv = new ChunkedText(out);
        header(csv.text());
        for (Payment payment : payments) {
            line(csv.text(), payment);
            csv.lineDone();
        }
        csv.flush();
    }

    /** The file's header line. */
    static void header(StringBuilder csv) {
        csv.append(HEADER).append('\n');
    }

    /** One payment's line. */
    static void line(StringBuilder csv, Payment payment) {
        Csv.line(csv, payment.fields());
    }
}
