package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.audit.AuditLog;
import grants.core.run.CommitRequest;
import grants.core.errors.NotFoundException;
import grants.core.exports.ExportDownloads;
import grants.core.exports.ExportResult;
import grants.core.exports.ExportService;
import grants.core.exports.ExportFiles;
import grants.core.commitments.CommitmentIntake;
import grants.core.exports.ExportLedger;
import grants.core.ledger.LedgerService;
import grants.core.exports.ExportRenderer;
import grants.core.exports.WrittenFile;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;
import grants.core.mail.Email;
import grants.core.programme.Contact;
import grants.core.programme.Programme;
import grants.core.run.AllocationService;
import grants.documents.JsonProgrammeDocuments;
import grants.documents.exports.ExportBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports on in-memory stores: every file, the manifest last, finance emailed once. */
class ExportServiceTest {

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryBucket bucket = new InMemoryBucket();
    private final InMemoryExportIndex index = new InMemoryExportIndex();
    private final RecordingMailer mailer = new RecordingMailer();
    private final InMemorySendLog sendLog = new InMemorySendLog();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore(trail);
    private final ExportService exports = new ExportService(programmes, runs, new ExportBundle(), bucket, index, bucket,
            mailer, sendLog, Duration.ofHours(12), new AuditLog(trail, Clock.systemUTC()),
            new ExportLedger(new LedgerService(ledgerStore, Clock.systemUTC()), CommitmentIntake::runCommitment,
                    Duration.ZERO));
    private String runId;

    @BeforeEach
    void committedRunWithAFinanceContact() {
        Programme wm = TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "wm");
        Programme withFinance = new Programme(wm.programmeId(), wm.name(), wm.region(), wm.eurRate(), wm.grantRatesPence(),
                wm.grantBudgetPence(), wm.additionalFunds(), wm.supportHalfDays(), wm.redistribution(),
                wm.redistributeUnclaimed(), wm.partnerships(), wm.submissions(), wm.finance(),
                List.of(new Contact("FINANCE", "Finance Officer", "finance@region.example")));
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(),
                Clock.systemUTC(), new Random(2));
        allocations.putProgramme("wm", withFinance);
        runId = allocations.commit("wm", CommitRequest.confirming(allocations.dryRun("wm").inputHash()), Optional.empty()).run().header().runId();
    }

    @Test
    void everyFileIsWrittenWithTheManifestLastAndFinanceIsEmailedOnce() {
        ExportResult first = exports.export("wm", runId);
        ExportResult again = exports.export("wm", runId);

        // The five files are written side by side, in no set order; what is promised is each once, the manifest last.
        List<String> firstExport = bucket.writes().subList(0, 8).stream()
                .map(key -> key.substring(key.lastIndexOf('/') + 1)).toList();
        assertThat(firstExport).containsExactlyInAnyOrder("allocations.csv", "payments.csv", "360giving.json",
                "360giving.csv", "run-report.html", "budget.csv", "ledger.csv", "manifest.json");
        assertThat(firstExport).last().isEqualTo("manifest.json");
        assertThat(again.files()).extracting(file -> file.sha256())
                .isEqualTo(first.files().stream().map(file -> file.sha256()).toList());
        assertThat(mailer.sent()).singleElement().extracting(Email::subject).asString().contains("£372,400.00");
    }

    @Test
    void filesWrittenAheadByTheCommitsWorkerAreCompletedByTheLedgersWithoutBeingRenderedOrWrittenAgain() {
        RunHeader header = runs.header("wm", runId).orElseThrow();
        new ExportFiles(new ExportBundle(), bucket).writeAhead(programmes.snapshot("wm", header.inputHash()).orElseThrow(),
                new AllocationRun(header, runs.rows("wm", runId)));
        List<String> writtenAhead = List.copyOf(bucket.writes());

        ExportResult result = exports.export("wm", runId);

        assertThat(bucket.writes().subList(0, writtenAhead.size())).as("nothing written again").isEqualTo(writtenAhead);
        assertThat(bucket.writes().subList(writtenAhead.size(), bucket.writes().size()))
                .extracting(key -> key.substring(key.lastIndexOf('/') + 1)).as("only the ledger's, then the manifest")
                .containsExactlyInAnyOrder("budget.csv", "ledger.csv", "manifest.json").last().isEqualTo("manifest.json");
        assertThat(result.files()).extracting(WrittenFile::name).containsExactly("allocations.csv", "payments.csv",
                "360giving.json", "360giving.csv", "run-report.html", "budget.csv", "ledger.csv", "manifest.json");
        assertThat(new ExportDownloads(index, bucket).links("wm", runId, Duration.ofHours(1))).hasSize(8);
        assertThat(mailer.sent()).singleElement().extracting(Email::subject).asString().contains("£372,400.00");
    }

    @Test
    void filesWrittenAheadByAnAttemptThatWasNotPublishedAreRenderedAgainForTheRunThatWas() {
        RunHeader published = runs.header("wm", runId).orElseThrow();
        RunHeader cutShort = new RunHeader("wm", runId, published.committedAt().minusSeconds(600), published.inputHash(),
                published.rulesVersion(), published.totals(), published.localities(), published.warnings());
        Programme snapshot = programmes.snapshot("wm", published.inputHash()).orElseThrow();
        new ExportFiles(new ExportBundle(), bucket).writeAhead(snapshot, new AllocationRun(cutShort, runs.rows("wm", runId)));

        exports.export("wm", runId);

        String manifest = new String(bucket.get(ExportRenderer.prefix("wm", runId) + "manifest.json").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"committedAt\" : \"" + published.committedAt() + "\"");
        assertThat(bucket.get(ExportRenderer.prefix("wm", runId) + "payments.csv").orElseThrow()).as("the published day")
                .isEqualTo(new ExportBundle().render(snapshot, new AllocationRun(published, runs.rows("wm", runId)))
                        .get(1).bytes());
    }

    @Test
    void theRegionalDevelopmentAgencysFundIsReportedInTheFinanceEmailAndTheRunReportButNotAllocated() {
        ExportResult result = exports.export("wm", runId);

        Email email = mailer.sent().get(0);
        assertThat(email.text()).contains("reported here and not allocated: Regional Development Agency: £70,000.00"
                + " (Economic development support)").contains("Final grants:   £372,400.00");
        assertThat(email.html()).contains("Regional Development Agency: £70,000.00");
        String report = new String(bucket.get(result.prefix() + "run-report.html").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).contains("Other funds: reported, not allocated", "<td>Regional Development Agency</td>",
                "<td class=\"num\">£70,000.00</td>");
    }

    @Test
    void theExportAndItsFinanceEmailAreRecordedAsTheSystemsOnce() {
        exports.export("wm", runId);
        exports.export("wm", runId);

        List<AuditEntry> entries = trail.page("wm", Optional.empty(), 10).entries();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.actorSubject()).isEqualTo("system:export-finance"));
        assertThat(entries).extracting(AuditEntry::action).as("written twice, emailed once")
                .containsExactlyInAnyOrder("EXPORT_WRITTEN", "EXPORT_WRITTEN", "FINANCE_EMAILED");
        assertThat(entries).filteredOn(entry -> entry.action().equals("FINANCE_EMAILED")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).contains("1 finance contact", "8 files", "12 hours",
                        "SES message message-1"));
    }

    @Test
    void linksAreGivenOnlyOnceTheExportIsComplete() {
        ExportDownloads downloads = new ExportDownloads(index, bucket);
        assertThatThrownBy(() -> downloads.links("wm", runId, Duration.ofHours(1))).isInstanceOf(NotFoundException.class);

        exports.export("wm", runId);

        assertThat(downloads.links("wm", runId, Duration.ofHours(1))).containsKeys("payments.csv", "manifest.json");
    }

    @Test
    void anEmailThatFailsIsSentByTheRetry() {
        mailer.failNext(1);

        assertThatThrownBy(() -> exports.export("wm", runId)).isInstanceOf(IllegalStateException.class);
        exports.export("wm", runId);

        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void anExportWhoseFinanceEmailIsHeldByAnUnfinishedAttemptFailsRatherThanSkipIt() {
        sendLog.heldElsewhere("export-email/wm/" + runId);

        assertThatThrownBy(() -> exports.export("wm", runId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("held by another attempt");
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void theProgrammesBudgetAndLedgerAreInTheExportAndTheFinanceEmailNamesTheLedgersLines() {
        new CommitmentIntake(new LedgerService(ledgerStore, Clock.systemUTC()), programmes, runs,
                new InMemoryRoundStore(), Clock.systemUTC()).fromRun("wm", runId); // as the table's stream does

        ExportResult result = exports.export("wm", runId);
        ExportResult again = exports.export("wm", runId);

        String manifest = text(result.prefix() + "manifest.json");
        assertThat(manifest).contains("\"name\" : \"budget.csv\"", "\"name\" : \"ledger.csv\"");
        assertThat(again.files()).as("a re-export: the same files, the same bytes").isEqualTo(result.files());
        assertThat(text(result.prefix() + "budget.csv").lines()).contains(
                "wm,2007-08,core-grants,Grants to partnerships,Core,,false,540000.00,0.00,0.00,372400.00,0.00,167600.00",
                "wm,2007-08,regional-development-agency,Economic development support,Regional Development Agency,"
                        + "economic development,false,70000.00,0.00,0.00,0.00,0.00,70000.00");
        assertThat(text(result.prefix() + "ledger.csv").lines()).hasSize(2).last().asString()
                .startsWith("run:wm/" + runId + ",").contains(",COMMITTED,372400.00,,Run " + runId, ",ledger-intake");
        Email email = mailer.sent().get(0);
        assertThat(email.text()).contains("Budget lines in the ledger (budget.csv, every entry in ledger.csv):",
                "- Regional Development Agency: Economic development support, 2007-08: £70,000.00, only for economic"
                        + " development; £0.00 committed, £70,000.00 left",
                "- Core: Grants to partnerships, 2007-08: £540,000.00, not ring-fenced; £372,400.00 committed,"
                        + " £167,600.00 left").doesNotContain("reported here and not allocated");
        assertThat(email.html()).contains("<li>Regional Development Agency: Economic development support, 2007-08:"
                + " £70,000.00, only for economic development;");
    }

    private String text(String key) {
        return new String(bucket.get(key).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
