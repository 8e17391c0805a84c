package grants.documents.exports;

import com.fasterxml.jackson.core.JsonGenerator;
import grants.core.allocation.AllocationRow;
import grants.core.exports.OnePass;
import grants.core.programme.Partnership;
import grants.core.programme.Submission;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The files of a run's grants, {@code payments.csv}, {@code 360giving.json} and {@code 360giving.csv},
 * written in one pass over the funded rows: each grant's fields are built once, and its payment line,
 * JSON grant and CSV line written from them, so the three files can never disagree.
 */
final class GrantFiles {

    private GrantFiles() {
    }

    /**
     * An allocation run's grants, by partnership id. Each is paid whole, as instalment 1, due the day
     * the run was committed (UTC); the payment's organisation id is the partnership's registered {@code orgId}.
     */
    static OnePass rendering(ExportContext context) {
        return new OnePass(List.of(new OnePass.Target(PaymentsCsv.NAME, PaymentsCsv.CONTENT_TYPE),
                new OnePass.Target(ThreeSixtyGiving.JSON_NAME, ThreeSixtyGiving.JSON_TYPE),
                new OnePass.Target(ThreeSixtyGiving.CSV_NAME, ThreeSixtyGiving.CSV_TYPE)), outs -> {
            List<AllocationRow> rows = context.grants();
            ChunkedText payments = new ChunkedText(outs.get(0));
            JsonGenerator json = ThreeSixtyGiving.startJson(outs.get(1));
            ChunkedText csv = new ChunkedText(outs.get(2));
            PaymentsCsv.header(payments.text());
            ThreeSixtyGiving.csvHeader(csv.text());
            ThreeSixtyGiving.Grants grants = new ThreeSixtyGiving.Grants(context);
            IntFunction<String> references = rows.isEmpty() ? null : PaymentReferences.ofRun(
                    context.programme().finance().paymentReferencePrefix(), context.runId(), rows.size());
            String costCentre = context.programme().finance().costCentre();
            for (int i = 0; i < rows.size(); i++) {
                AllocationRow row = rows.get(i);
                Partnership partnership = context.partnerships().get(row.partnershipId());
                Submission project = context.submissions().get(row.partnershipId());
                ThreeSixtyGiving.Grant grant = grants.of(row, partnership, project);
                PaymentsCsv.line(payments.text(), new PaymentsCsv.Payment(references.apply(i + 1), grant.recipientName(),
                        partnership.orgId(), row.partnershipId(), row.partnershipName(), null, 1, grant.awardDate(),
                        row.finalGrantPence(), costCentre, context.runId(), null));
                payments.lineDone();
                ThreeSixtyGiving.write(json, grant);
                ThreeSixtyGiving.csvLine(csv.text(), grant);
                csv.lineDone();
            }
            payments.flush();
            ThreeSixtyGiving.endJson(json);
            csv.flush();
            return new int[] {rows.size(), rows.size(), rows.size()};
        });
    }
}
