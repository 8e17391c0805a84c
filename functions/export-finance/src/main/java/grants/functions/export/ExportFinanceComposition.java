package grants.functions.export;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoSendLog;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.ses.SesMailer;
import grants.adapters.wiring.Wiring;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.core.commitments.CommitmentIntake;
import grants.core.exports.ExportLedger;
import grants.core.exports.ExportService;
import grants.core.ledger.LedgerService;
import grants.core.exports.ExportStore;
import grants.documents.exports.ExportBundle;

/**
 * Everything the ExportFinance function uses, built once per container from what the functions
 * share ({@link Wiring}): the export service, writing through presigned links (so this jar carries
 * no S3 client) and emailing finance through SES.
 */
public final class ExportFinanceComposition {

    private final ExportService exports;
    private final ExportFinancePriming priming;

    public ExportFinanceComposition(Wiring wiring) {
        this(wiring, new S3PresignedLinks(wiring.aws(), wiring.environment().required(Environment.EXPORT_BUCKET)));
    }

    /** With another store for the files: the tests' way to make the bucket fail part-way. */
    ExportFinanceComposition(Wiring wiring, ExportStore files) {
        Environment settings = wiring.environment();
        this.exports = new ExportService(wiring.programmes(), wiring.runs(), new ExportBundle(), files,
                wiring.exportIndex(), new S3PresignedLinks(wiring.aws(), settings.required(Environment.EXPORT_BUCKET)),
                new SesMailer(wiring.aws(), settings.required(Environment.SENDER_EMAIL)), new DynamoSendLog(wiring.table()),
                settings.hours(Environment.EMAIL_LINK_EXPIRY_HOURS, 12), wiring.auditLog(),
                new ExportLedger(new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()),
                        wiring.clock()), CommitmentIntake::runCommitment, settings.seconds(Environment.LEDGER_WAIT_SECONDS, 0)));
        this.priming = new ExportFinancePriming(new ExportBundle(),
                new S3PresignedLinks(wiring.aws(), settings.required(Environment.EXPORT_BUCKET)), wiring.exportIndex());
    }

    public ExportService exports() {
        return exports;
    }

    /** SnapStart's deeper priming: an export rendered in memory, a link signed, the index entry not sent. */
    ExportFinancePriming priming() {
        return priming;
    }
}
