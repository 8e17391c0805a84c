package grants.core.exports;

import grants.core.access.Actor;
import grants.core.audit.AuditLog;
import com.samskivert.mustache.Template;
import grants.core.errors.NotFoundException;
import grants.core.mail.Email;
import grants.core.mail.Mailer;
import grants.core.mail.SendLog;
import grants.core.mail.Templates;
import grants.core.money.Money;
import grants.core.programme.AdditionalFund;
import grants.core.text.InWords;
import grants.core.programme.Contact;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeOutline;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a committed run to the bucket (idempotent: a re-export writes the same bytes), records
 * the export complete, and emails the finance contacts once with links to the files.
 */
public final class ExportService {

    private static final Template EMAIL_TEXT = Templates.text("/grants/core/exports/finance-email.txt.mustache");
    private static final Template EMAIL_HTML = Templates.html("/grants/core/exports/finance-email.html.mustache");

    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final ExportRenderer renderer;
    private final ExportFiles files;
    private final ExportIndex index;
    private final ExportLinks links;
    private final Mailer mailer;
    private final SendLog sendLog;
    private final Duration emailLinkExpiry;
    private final AuditLog audit;
    private final ExportLedger ledger;

    /** Who the trail names for an export: the system, on a committed run's behalf. */
    public static final Actor ACTOR = Actor.system("system:export-finance");

    public ExportService(ProgrammeStore programmes, AllocationRunStore runs, ExportRenderer renderer, ExportStore store, ExportIndex index,
                         ExportLinks links, Mailer mailer, SendLog sendLog, Duration emailLinkExpiry, AuditLog audit,
                         ExportLedger ledger) {
        this.audit = audit;
        this.ledger = ledger;
        this.renderer = renderer;
        this.programmes = programmes;
        this.runs = runs;
        this.files = new ExportFiles(renderer, store);
        this.index = index;
        this.links = links;
        this.mailer = mailer;
        this.sendLog = sendLog;
        this.emailLinkExpiry = emailLinkExpiry;
    }

    public ExportResult export(String programmeId, String runId) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow(() -> new NotFoundException(
                "Programme \"" + programmeId + "\" has no committed run \"" + runId + "\" to export."));
        // What the email says of the programme; the whole snapshot is read only if the run is rendered here.
        ProgrammeOutline outline = programmes.snapshotOutline(programmeId, header.inputHash())
                .orElseThrow(() -> noSnapshot(header));
        // Before the ledger: the intake is recording the run's commitment meanwhile, so this read costs no wait.
        Optional<List<WrittenFile>> writtenAhead = files.writtenAhead(header);
        ExportLedger.Read money = ledger.of(header);
        List<FileRendering> ledgerFiles = renderer.ledgerFiles(money);
        if (writtenAhead.isPresent() && holds(writtenAhead.get(), ledgerFiles)) { // whole: the same bytes again
            return announce(outline, header, writtenAhead.get(), money);
        }
        if (writtenAhead.isPresent()) { // by the commit's worker, from the rows it held: nothing to read back
            List<WrittenFile> withoutManifest = writtenAhead.get().subList(0, writtenAhead.get().size() - 1);
            return announce(outline, header, files.complete(header, withoutManifest, ledgerFiles), money);
        }
        Programme programme = programmes.snapshot(programmeId, header.inputHash()).orElseThrow(() -> noSnapshot(header));
        AllocationRun run = new AllocationRun(header, runs.rows(programmeId, runId));
        return announce(outline, header, files.write(programme, run, ledgerFiles), money);
    }

    private static IllegalStateException noSnapshot(RunHeader header) {
        return new IllegalStateException("run " + header.runId() + " has no programme snapshot " + header.inputHash());
    }

    /** Whether a manifest found lists the ledger's files: the commit's worker writes every file but those. */
    private static boolean holds(List<WrittenFile> written, List<FileRendering> ledgerFiles) {
        return written.stream().map(WrittenFile::name).toList()
                .containsAll(ledgerFiles.stream().map(FileRendering::name).toList());
    }

    /** Once every file and the manifest are there: the export is complete, recorded, and finance told. */
    private ExportResult announce(ProgrammeOutline programme, RunHeader header, List<WrittenFile> written,
                                  ExportLedger.Read money) {
        String programmeId = header.programmeId();
        String runId = header.runId();
        String prefix = ExportRenderer.prefix(programmeId, runId);
        WrittenFile manifest = written.get(written.size() - 1);
        index.recordComplete(programmeId, runId, written.stream().map(WrittenFile::name).toList());
        audit.record(ACTOR, programmeId, "EXPORT_WRITTEN", "export of run " + runId, null, written.size() + " files under "
                + prefix + ", manifest sha256 " + manifest.sha256());
        return new ExportResult(prefix, written, emailFinance(programme, header, written, money));
    }

    private Optional<String> emailFinance(ProgrammeOutline programme, RunHeader header, List<WrittenFile> files,
                                          ExportLedger.Read money) {
        List<String> recipients = programme.financeContacts().stream().map(Contact::email).distinct().toList();
        String key = "export-email/" + header.programmeId() + "/" + header.runId();
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        switch (sendLog.claim(key)) {
            case SENT_BEFORE:
                return Optional.empty();
            case HELD_ELSEWHERE:
                // Reporting success here would let the export finish with finance never emailed.
                throw new IllegalStateException("the finance email of run " + header.runId() + " is held by another"
                        + " attempt that has not finished; this export fails so that it is retried");
            case CLAIMED:
            default:
                break;
        }
        try {
            String messageId = mailer.send(financeEmail(programme, header, files, recipients, money));
            sendLog.sent(key, messageId);
            // The email carries presigned links to every file: who received them is part of the record.
            audit.record(ACTOR, header.programmeId(), "FINANCE_EMAILED", "export of run " + header.runId(), null,
                    "to " + recipients.size() + (recipients.size() == 1 ? " finance contact" : " finance contacts")
                            + " with links to " + files.size() + " files valid " + emailLinkExpiry.toHours()
                            + " hours; SES message " + messageId);
            return Optional.of(messageId);
        } catch (RuntimeException notSent) {
            sendLog.release(key);
            throw notSent;
        }
    }

    private Email financeEmail(ProgrammeOutline programme, RunHeader header, List<WrittenFile> files, List<String> to,
                               ExportLedger.Read money) {
        String prefix = ExportRenderer.prefix(header.programmeId(), header.runId());
        List<Map<String, Object>> fileLines = new ArrayList<>();
        for (WrittenFile file : files) {
            fileLines.add(Map.of("name", file.name(), "rows", file.rows(), "bytes", file.bytes(),
                    "sha256", file.sha256(), "link", links.link(prefix + file.name(), emailLinkExpiry).toString()));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("programmeName", programme.name());
        values.put("runId", header.runId());
        values.put("committedAt", InWords.dateTime(header.committedAt()));
        values.put("funded", header.totals().funded());
        values.put("finalGrants", Money.pounds(header.totals().finalGrantsPence()));
        values.put("unallocated", Money.pounds(header.totals().unallocatedPence()));
        values.put("baseGrants", Money.pounds(header.totals().baseGrantsPence()));
        values.put("csvSha256", header.totals().csvSha256());
        // The ledger's lines when it has them (the RDA's among them); until then, what the document states.
        List<Map<String, Object>> budgetLines = LedgerLinesInWords.of(money.statement());
        values.put("budgetLines", budgetLines);
        values.put("hasBudgetLines", !budgetLines.isEmpty());
        values.put("additionalFunds", budgetLines.isEmpty() ? AdditionalFund.inWords(programme.additionalFunds())
                : List.of());
        values.put("files", fileLines);
        values.put("expiresInHours", emailLinkExpiry.toHours());
        String subject = programme.name() + ": allocation run " + header.runId() + " exported, "
                + Money.pounds(header.totals().finalGrantsPence()) + " to " + header.totals().funded() + " partnerships";
        return new Email(to, subject, EMAIL_TEXT.execute(values), EMAIL_HTML.execute(values));
    }
}
