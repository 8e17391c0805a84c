package grants.documents.monitoring;

import grants.core.exports.ExportFile;
import grants.core.monitoring.PaymentRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Every file a replay writes (spec, "Output of a replay"), in one order: the agreements' CSVs, the
 * reminders, each payment run's two files, the refusals, the report, then the outbox's emails.
 */
public final class MonitoringFiles {

    private MonitoringFiles() {
    }

    public static List<ExportFile> render(MonitoringRecord record) {
        List<ExportFile> files = new ArrayList<>(List.of(AgreementsCsv.returns(record), AgreementsCsv.milestones(record),
                RemindersCsv.render(record)));
        for (PaymentRun run : record.paymentRuns().values()) {
            files.add(PaymentRunCsv.payments(record, run));
            files.add(PaymentRunCsv.held(run));
        }
        files.add(AgreementsCsv.instalments(record));
        files.add(AgreementsCsv.outputs(record));
        files.add(RefusedCsv.render(record));
        files.add(MonitoringReport.render(record));
        files.addAll(ReminderEmails.render(record));
        return files;
    }
}
