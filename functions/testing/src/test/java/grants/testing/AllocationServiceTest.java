package grants.testing;

import grants.core.run.CommitRequest;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.programme.Programme;
import grants.core.programme.Submission;
import grants.core.run.AllocationService;
import grants.core.run.CommitResult;
import grants.core.run.DryRun;
import grants.core.run.IdempotencyClaim;
import grants.core.run.IdempotencyKey;
import grants.core.run.ProgrammeUploads;
import grants.documents.JsonProgrammeDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.exports.ExportFile;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.documents.exports.ExportBundle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static grants.testing.TestProgrammes.WARWICKSHIRE_WITHDRAWN;
import static grants.testing.TestProgrammes.WEST_MIDLANDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The programme manager's use cases on in-memory stores: what the API does, in milliseconds. */
class AllocationServiceTest {

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final Clock clock = Clock.fixed(Instant.parse("2007-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final AllocationService service = new AllocationService(programmes, runs, new JsonProgrammeDocuments(),
            clock, new Random(7));

    @Test
    void aCommittedRunIsReadBackWhole() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));

        CommitResult committed = service.commit("wm", CommitRequest.confirming(service.dryRun("wm").inputHash()), Optional.empty());

        String runId = committed.run().header().runId();
        assertThat(service.listRuns("wm")).extracting(header -> header.runId()).containsExactly(runId);
        assertThat(service.run("wm", runId).rows()).hasSize(38);
        assertThat(service.run("wm", runId).header().totals().finalGrantsPence()).isEqualTo(37_240_000);
        assertThat(service.row("wm", runId, "rugby").reason()).contains("Rugby is funded");
    }

    @Test
    void theWorkedExampleFollowsTheSeedSoItsPreviewHasNoWarnings() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));

        assertThat(service.dryRun("wm").allocation().warnings()).isEmpty();
    }

    @Test
    void whereTheSeedIsNotFollowedThePreviewAndTheRunReportSayWhoAndTheFiguresStand() throws Exception {
        ObjectNode document = (ObjectNode) Json.parse(new String(
                getClass().getResourceAsStream("/data/" + WEST_MIDLANDS).readAllBytes(), StandardCharsets.UTF_8));
        document.put("programmeId", "wm");
        contactsOf(document, "rugby").remove(1);        // the Project Champion
        contactsOf(document, "bridgnorth").remove(0);   // the only representative
        contactsOf(document, "warwick").addObject().put("role", "REPRESENTATIVE").put("name", "Second")
                .put("email", "second@warwick.lsp.example");
        contactsOf(document, "warwick").addObject().put("role", "REPRESENTATIVE").put("name", "Third")
                .put("email", "third@warwick.lsp.example");
        submissionOf(document, "coventry").put("basis", "SELF_ASSESSMENT");   // Coventry has an LAA
        submissionOf(document, "redditch").put("basis", "LAA_REVIEW");        // a district without one
        service.putProgramme("wm", ProgrammeJson.read(document));

        List<String> expected = List.of(
                "Partnerships that name no representative (the seed asks for one or two): Bridgnorth.",
                "Partnerships that name more than two representatives (the seed asks for one or two): Warwick.",
                "Partnerships that name no Project Champion: Rugby.",
                "Partnerships with an LAA whose improvement project rests on a self-assessment, not on a joint"
                        + " Government/Partnership review: Coventry.",
                "Districts without an LAA whose improvement project rests on an LAA review, not on a self-assessment:"
                        + " Redditch.");
        DryRun preview = service.dryRun("wm");
        assertThat(preview.allocation().warnings()).containsExactlyElementsOf(expected);
        assertThat(preview.allocation().totals().finalGrantsPence()).as("warnings, not refusals").isEqualTo(37_240_000);

        CommitResult committed = service.commit("wm", CommitRequest.confirming(preview.inputHash()), Optional.empty());
        assertThat(committed.run().header().warnings()).containsExactlyElementsOf(expected);
        ExportFile report = new ExportBundle().render(programmes.snapshot("wm", preview.inputHash()).orElseThrow(),
                committed.run()).stream().filter(file -> file.name().equals("run-report.html")).findFirst().orElseThrow();
        assertThat(new String(report.bytes(), StandardCharsets.UTF_8))
                .contains("<p class=\"warning\">Partnerships that name no Project Champion: Rugby.</p>");
    }

    private static ArrayNode contactsOf(ObjectNode document, String partnershipId) {
        for (JsonNode partnership : document.get("partnerships")) {
            if (partnership.get("id").asText().equals(partnershipId)) {
                return (ArrayNode) partnership.get("contacts");
            }
        }
        throw new AssertionError("no partnership " + partnershipId);
    }

    private static ObjectNode submissionOf(ObjectNode document, String partnershipId) {
        for (JsonNode submission : document.get("submissions")) {
            if (submission.get("partnership").asText().equals(partnershipId)) {
                return (ObjectNode) submission;
            }
        }
        throw new AssertionError("no submission of " + partnershipId);
    }

    @Test
    void aRetriedCommitWithTheSameKeyIsTheSameRun() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("commit-1"));

        CommitResult first = service.commit("wm", CommitRequest.confirming(service.dryRun("wm").inputHash()), key);
        CommitResult retry = service.commit("wm", CommitRequest.confirming(service.dryRun("wm").inputHash()), key);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.run().header().runId()).isEqualTo(first.run().header().runId());
        assertThat(service.listRuns("wm")).hasSize(1);
    }

    @Test
    void aKeyFirstUsedForAnotherProgrammeVersionIsRefused() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));
        runs.claim("wm", "commit-1", new IdempotencyClaim("20070601T090000000Z-000001", "another-input"));

        assertThatThrownBy(() -> service.commit("wm", CommitRequest.confirming(service.dryRun("wm").inputHash()), Optional.of(new IdempotencyKey("commit-1"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("use a new key");
        assertThat(service.listRuns("wm")).isEmpty();
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> new IdempotencyKey("two words"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details().get(0).field()).isEqualTo("Idempotency-Key"));
    }

    @Test
    void aDryRunStoresNothingAndShowsWhatWouldChange() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));
        service.commit("wm", CommitRequest.confirming(service.dryRun("wm").inputHash()), Optional.empty());
        Programme withdrawn = TestProgrammes.programme(WARWICKSHIRE_WITHDRAWN, "wm");
        service.putProgramme("wm", withdrawn);

        DryRun preview = service.dryRun("wm");

        assertThat(service.listRuns("wm")).hasSize(1);
        assertThat(preview.differences()).filteredOn(d -> d.partnershipId().equals("rugby")).singleElement()
                .satisfies(rugby -> assertThat(rugby.changePence()).isEqualTo(-630_000));
    }

    @Test
    void aSubmissionThatBreaksTheProgrammeIsRefusedAndNothingChanges() {
        service.putProgramme("wm", TestProgrammes.programme(WEST_MIDLANDS, "wm"));
        long version = programmes.load("wm").orElseThrow().version();
        Submission sharedWithNobodyKnown = new Submission("rugby", "Rugby project", Submission.Basis.SELF_ASSESSMENT,
                List.of("atlantis"));

        assertThatThrownBy(() -> service.putSubmission("wm", sharedWithNobodyKnown))
                .isInstanceOf(InvalidInputException.class);
        assertThat(programmes.load("wm").orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void readingAProgrammeThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> service.listRuns("nowhere")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void anUploadedProgrammeIsStoredAsADirectLoadWouldBe() throws Exception {
        InMemoryBucket bucket = new InMemoryBucket();
        ProgrammeUploads uploads = new ProgrammeUploads(service, bucket, new JsonProgrammeDocuments(), clock);
        byte[] document = Files.readAllBytes(Path.of("../../events/data/" + WEST_MIDLANDS));

        ProgrammeUploads.Upload upload = uploads.start("l2d-2007-08");
        bucket.upload(upload.uploadUrl(), document);
        var stored = uploads.importUpload("l2d-2007-08", upload.uploadId());

        assertThat(upload.expiresAt()).isEqualTo(clock.instant().plusSeconds(15 * 60));
        assertThat(stored.programme().partnerships()).hasSize(38);
        assertThat(stored.inputHash()).isEqualTo(new JsonProgrammeDocuments().inputHash(
                TestProgrammes.programme(WEST_MIDLANDS, "l2d-2007-08")));
        assertThatThrownBy(() -> uploads.importUpload("l2d-2007-08", "../../etc"))
                .isInstanceOf(InvalidInputException.class);
        ProgrammeUploads.Upload elsewhere = uploads.start("another");
        bucket.upload(elsewhere.uploadUrl(), document);
        assertThatThrownBy(() -> uploads.importUpload("another", elsewhere.uploadId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("programmeId");
    }
}
