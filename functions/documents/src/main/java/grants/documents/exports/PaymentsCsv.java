package grants.documents.exports;

import grants.core.exports.ExportFile;
import grants.core.allocation.AllocationRow;
import grants.core.money.Money;
import grants.core.programme.Partnership;
import grants.core.text.Csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** payments.csv: one line per funded partnership, ready for the ledger; no line for a zero amount. */
final class PaymentsCsv {

    static final String HEADER = "payment_reference,payee,partnership_id,partnership_name,amount_gbp,cost_centre,run_id";

    private PaymentsCsv() {
    }

    static ExportFile render(ExportContext context) {
        List<AllocationRow> grants = context.grants();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < grants.size(); i++) {
            AllocationRow row = grants.get(i);
            Partnership partnership = context.partnerships().get(row.partnershipId());
            Csv.line(csv, List.of(
                    PaymentReferences.reference(context.programme().finance().paymentReferencePrefix(), context.runId(),
                            i + 1, grants.size()),
                    partnership.payee(), row.partnershipId(), row.partnershipName(),
                    Money.format(row.finalGrantPence()), context.programme().finance().costCentre(), context.runId()));
        }
        return new ExportFile("payments.csv", "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                grants.size());
    }
}
