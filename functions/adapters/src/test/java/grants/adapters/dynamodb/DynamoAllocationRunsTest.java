package grants.adapters.dynamodb;

import grants.core.run.CommitRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.allocation.AllocationRow;
import grants.core.audit.AuditEntry;
import grants.core.allocation.Status;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.documents.Json;
import grants.documents.JsonProgrammeDocuments;
import grants.core.run.IdempotencyKey;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;
import grants.core.programme.Submission;
import grants.core.run.AllocationService;
import grants.core.run.CommitResult;
import grants.core.run.DryRun;
import grants.core.run.IdempotencyClaim;
import grants.core.run.ProgrammeOutline;
import grants.core.run.StoredProgramme;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import grants.core.run.RunHeader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases end to end on the DynamoDB emulator: nothing here is mocked. */
class DynamoAllocationRunsTest {

    private static DynamoProgrammeRepository programmes;
    private static DynamoAllocationRunRepository runs;
    private static GrantsTable grants;
    private static AuditTable auditTable;
    private static AllocationService service;

    /** Per test, so that without the chosen stack every test is reported skipped; the table is made once. */
    @BeforeEach
    void createTable() {
        AwsStack stack = TestAwsStack.shared();
        if (service != null) {
            return;
        }
        DynamoDbClient dynamoDb = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey())
                .dynamoDb();
        String table = TestAwsStack.uniqueTableName(DynamoAllocationRunsTest.class);
        GrantsTable.createIfMissing(dynamoDb, table);
        GrantsTable grantsTable = new GrantsTable(dynamoDb, table, Clock.systemUTC());
        programmes = new DynamoProgrammeRepository(grantsTable);
        grants = grantsTable;
        auditTable = StoreTables.auditBeside(grantsTable);
        runs = new DynamoAllocationRunRepository(grantsTable, auditTable);
        service = new AllocationService(programmes, runs, new JsonProgrammeDocuments(), Clock.systemUTC(), new Random());
    }

    private static ObjectNode westMidlands(String programmeId) throws IOException {
        try (InputStream in = DynamoAllocationRunsTest.class.getResourceAsStream("/data/west-midlands-2007-08.json")) {
            return (ObjectNode) ((ObjectNode) Json.MAPPER.readTree(in)).put("programmeId", programmeId);
        }
    }

    private static Programme programme(ObjectNode document) {
        return ProgrammeJson.read(document);
    }

    @Test
    void aStoredProgrammeReadsBackTheSameAndItsVersionCounts() throws IOException {
        Programme programme = programme(westMidlands("round-trip"));

        StoredProgramme first = service.putProgramme("round-trip", programme);
        StoredProgramme second = service.putProgramme("round-trip", programme);

        assertThat(second.version()).isEqualTo(first.version() + 1);
        StoredProgramme loaded = programmes.load("round-trip").orElseThrow();
        assertThat(loaded.inputHash()).isEqualTo(ProgrammeJson.inputHash(programme));
        assertThat(ProgrammeJson.write(loaded.programme())).isEqualTo(ProgrammeJson.write(programme));
    }

    @Test
    void aChangeSavedByAnotherContainerIsReadNotTheDocumentThisOneReadBefore() throws IOException {
        Programme programme = programme(westMidlands("two-containers"));
        service.putProgramme("two-containers", programme);
        assertThat(programmes.load("two-containers").orElseThrow().programme().name()).isEqualTo(programme.name());

        DynamoProgrammeRepository otherContainer = new DynamoProgrammeRepository(grants);
        Programme renamed = programme(westMidlands("two-containers").put("name", "Learning to Deliver, renamed"));
        otherContainer.save(renamed, ProgrammeJson.inputHash(renamed), OptionalLong.empty());

        StoredProgramme read = programmes.load("two-containers").orElseThrow();
        assertThat(read.programme().name()).isEqualTo("Learning to Deliver, renamed");
        assertThat(read.inputHash()).isEqualTo(ProgrammeJson.inputHash(renamed));
        assertThat(programmes.snapshot("two-containers", ProgrammeJson.inputHash(renamed))).isEmpty();
    }

    @Test
    void aSnapshotsOutlineIsReadFromItsHeadAloneAndSaysWhatTheSnapshotDoes() throws IOException {
        ObjectNode document = westMidlands("outline");
        document.putArray("financeContacts").addObject().put("name", "Finance Officer").put("email", "finance@example.org");
        Programme programme = programme(document);
        String inputHash = ProgrammeJson.inputHash(programme);
        programmes.saveSnapshot(programme, inputHash);
        ProgrammeOutline whole = ProgrammeOutline.of(programmes.snapshot("outline", inputHash).orElseThrow());
        assertThat(whole.financeContacts()).extracting(c -> c.email()).containsExactly("finance@example.org");
        assertThat(whole.additionalFunds()).as("the RDA's fund").isNotEmpty();

        // The parts gone, a reader that has not read them before still has the outline: the head holds it.
        grants.client().deleteItem(r -> r.tableName(grants.name()).key(GrantsTable.key(Keys.programme("outline"),
                Keys.part(Keys.snapshot(inputHash), 0))));
        assertThat(new DynamoProgrammeRepository(grants).snapshotOutline("outline", inputHash)).contains(whole);
    }

    @Test
    void aWriteBasedOnAStaleVersionIsRefused() throws IOException {
        Programme programme = programme(westMidlands("stale"));
        StoredProgramme stored = service.putProgramme("stale", programme);
        service.putProgramme("stale", programme);

        assertThatThrownBy(() -> programmes.save(programme, stored.inputHash(), OptionalLong.of(stored.version())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCommittedRunIsListedWithAllItsRowsAndReasons() throws IOException {
        service.putProgramme("commit", programme(westMidlands("commit")));

        CommitResult result = service.commit("commit", CommitRequest.confirming(service.dryRun("commit").inputHash()), Optional.empty());

        String runId = result.run().header().runId();
        assertThat(service.listRuns("commit")).extracting(h -> h.runId()).containsExactly(runId);
        List<AllocationRow> rows = service.run("commit", runId).rows();
        assertThat(rows).hasSize(38).isSortedAccordingTo(java.util.Comparator.comparing(AllocationRow::partnershipId));
        assertThat(rows).isEqualTo(result.run().rows());
        assertThat(service.row("commit", runId, "rugby").reason()).contains("Rugby is funded");
        assertThat(service.run("commit", runId).header().totals().finalGrantsPence()).isEqualTo(37_240_000);
        assertThatThrownBy(() -> service.row("commit", runId, "atlantis")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRunsHeaderIsOneReadAndItsLocalitiesAreReadOnlyWhenAskedFor() throws IOException {
        service.putProgramme("one-read", programme(westMidlands("one-read")));
        RunHeader committed = service.commit("one-read", CommitRequest.confirming(service.dryRun("one-read").inputHash()),
                Optional.empty()).run().header();
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        AwsStack stack = TestAwsStack.shared();
        DynamoDbClient recorded = DynamoDbClient.builder().region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.accessKey(),
                        stack.secretKey())))
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.dynamoDbEndpoint())
                .overrideConfiguration(config -> config.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        requests.add(context.request().getClass().getSimpleName());
                    }
                })).build();
        DynamoAllocationRunRepository reader = new DynamoAllocationRunRepository(
                new GrantsTable(recorded, grants.name(), Clock.systemUTC()), auditTable);

        // What finance's export and the ledger's intake read: the totals, the time, the input; never a locality.
        RunHeader header = reader.header("one-read", committed.runId()).orElseThrow();
        assertThat(header.totals()).isEqualTo(committed.totals());
        assertThat(reader.latest("one-read").orElseThrow().committedAt()).isEqualTo(committed.committedAt());
        assertThat(requests).containsExactly("GetItemRequest", "QueryRequest");

        // The run's page and report still have every locality, read once when first asked for.
        assertThat(committed.localities()).isNotEmpty();
        assertThat(header.localities()).isEqualTo(committed.localities());
        assertThat(header.localities()).hasSameSizeAs(committed.localities());
        assertThat(requests).containsExactly("GetItemRequest", "QueryRequest", "QueryRequest");
    }

    @Test
    void aRunIsRecordedWithItsHeaderOnceAndNotAtAllIfItsEntryCannotBeWritten() throws IOException {
        service.putProgramme("recorded", programme(westMidlands("recorded")));
        Actor manager = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);
        java.util.function.Function<grants.core.run.RunHeader, AuditEntry> entry = header -> AuditEntry.by(manager,
                java.time.Instant.now(), "recorded", "RUN_COMMITTED", "run " + header.runId(), null, null);
        var allowed = (AllocationService.CommitCheck.Allowed) service.checkCommit("recorded",
                CommitRequest.confirming(service.dryRun("recorded").inputHash()), Optional.empty());

        // The audit table unreachable: the header's transaction fails, and the run stays invisible.
        AllocationService withoutItsTrail = new AllocationService(programmes,
                new DynamoAllocationRunRepository(grants, new AuditTable(grants.client(), "no-such-audit-table")),
                new JsonProgrammeDocuments(), Clock.systemUTC(), new Random());
        assertThatThrownBy(() -> withoutItsTrail.commitNow(allowed, entry))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
        assertThat(service.listRuns("recorded")).isEmpty();

        service.commitNow(allowed, entry);
        service.commitNow(allowed, entry); // a repeat of the same run id
        assertThat(service.listRuns("recorded")).hasSize(1);
        assertThat(new DynamoAuditTrail(auditTable).page("recorded", Optional.empty(), 10).entries())
                .extracting(AuditEntry::target).containsExactly("run " + allowed.runId());
    }

    @Test
    void aRetriedCommitWithTheSameKeyReturnsTheSameRunAndStoresNoSecond() throws IOException {
        service.putProgramme("idempotent", programme(westMidlands("idempotent")));

        CommitResult first = service.commit("idempotent", CommitRequest.confirming(service.dryRun("idempotent").inputHash()), Optional.of(new IdempotencyKey("commit-2007-08-1")));
        CommitResult retry = service.commit("idempotent", CommitRequest.confirming(service.dryRun("idempotent").inputHash()), Optional.of(new IdempotencyKey("commit-2007-08-1")));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.run().header().runId()).isEqualTo(first.run().header().runId());
        assertThat(service.listRuns("idempotent")).hasSize(1);
    }

    @Test
    void aCommitKeyIsStoredAsItsCallersSoAnotherCallersSameKeyIsNotTheirs() throws IOException {
        service.putProgramme("scoped", programme(westMidlands("scoped")));
        IdempotencyKey sent = new IdempotencyKey("commit-2007-08-1");
        CommitResult first = service.commit("scoped", CommitRequest.confirming(service.dryRun("scoped").inputHash()),
                Optional.of(sent.forCaller("first-manager-sub")));
        CommitResult retry = service.commit("scoped", CommitRequest.confirming(service.dryRun("scoped").inputHash()),
                Optional.of(sent.forCaller("first-manager-sub")));
        assertThat(retry.replayed()).isTrue();

        assertThatThrownBy(() -> service.commit("scoped", CommitRequest.confirming(service.dryRun("scoped").inputHash()),
                Optional.of(sent.forCaller("second-manager-sub"))))
                .as("their own commit of the same input, refused as one, not the first manager's replayed")
                .isInstanceOf(ConflictException.class).hasMessageNotContaining("Idempotency-Key");
        assertThatThrownBy(() -> service.commit("scoped", new CommitRequest(service.dryRun("scoped").inputHash(),
                Optional.of(new CommitRequest.Supersession(first.run().header().runId(), "Corrected."))),
                Optional.of(sent.forCaller("first-manager-sub"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Idempotency-Key header");
        assertThat(service.listRuns("scoped")).hasSize(1);
    }

    @Test
    void aCommitCutShortIsInvisibleAndFinishedByItsRetry() throws IOException {
        service.putProgramme("cut-short", programme(westMidlands("cut-short")));
        StoredProgramme stored = programmes.load("cut-short").orElseThrow();
        // The first attempt claimed its key and died before the header was written.
        runs.claim("cut-short", "key-1", new IdempotencyClaim("20260101T000000000Z-abcdef", stored.inputHash()));
        assertThat(service.listRuns("cut-short")).isEmpty();

        CommitResult retry = service.commit("cut-short", CommitRequest.confirming(service.dryRun("cut-short").inputHash()), Optional.of(new IdempotencyKey("key-1")));

        assertThat(retry.run().header().runId()).isEqualTo("20260101T000000000Z-abcdef");
        assertThat(service.listRuns("cut-short")).hasSize(1);
    }

    @Test
    void aKeyFirstUsedOnADifferentProgrammeThatNeverFinishedIsAConflict() throws IOException {
        service.putProgramme("changed", programme(westMidlands("changed")));
        runs.claim("changed", "key-1", new IdempotencyClaim("20260101T000000000Z-123456", "another-input-hash"));

        assertThatThrownBy(() -> service.commit("changed", CommitRequest.confirming(service.dryRun("changed").inputHash()), Optional.of(new IdempotencyKey("key-1"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("use a new key");
        assertThat(service.listRuns("changed")).isEmpty();
    }

    @Test
    void aDryRunStoresNothingAndShowsTheDifferenceFromTheLatestCommittedRun() throws IOException {
        ObjectNode document = westMidlands("dry");
        service.putProgramme("dry", programme(document));
        String committed = service.commit("dry", CommitRequest.confirming(service.dryRun("dry").inputHash()), Optional.empty()).run().header().runId();

        // Rugby, Stratford and Warwick stop sharing: Warwickshire falls to 2 of 5 and is withdrawn.
        for (String district : List.of("rugby", "stratford-on-avon", "warwick")) {
            Submission current = programmes.load("dry").orElseThrow().programme().submissions().stream()
                    .filter(s -> s.partnershipId().equals(district)).findFirst().orElseThrow();
            service.putSubmission("dry", new Submission(district, current.title(), current.basis(), List.of()));
        }
        DryRun dryRun = service.dryRun("dry");

        assertThat(service.listRuns("dry")).hasSize(1);
        assertThat(dryRun.comparedWith()).contains(committed);
        assertThat(dryRun.differences()).filteredOn(d -> d.partnershipId().equals("rugby")).singleElement()
                .satisfies(d -> {
                    assertThat(d.previousStatus()).isEqualTo(Status.FUNDED);
                    assertThat(d.status()).isEqualTo(Status.WITHDRAWN);
                    assertThat(d.changePence()).isEqualTo(-630_000);
                });
        assertThat(dryRun.differences()).filteredOn(d -> d.partnershipId().equals("birmingham")).singleElement()
                .satisfies(d -> assertThat(d.changePence()).isEqualTo(118_125));
    }

    @Test
    void runsLargerThanOneBatchAreWrittenWhole() {
        ObjectNode document = Json.object().put("programmeId", "many").put("eurRate", "1.2")
                .put("supportDaysPerPartnership", "1.0");
        document.putObject("grantRates").put("SINGLE_TIER", "100.00");
        ArrayNode partnerships = document.putArray("partnerships");
        ArrayNode submissions = document.putArray("submissions");
        for (int i = 0; i < 260; i++) {
            String id = String.format("unitary-%03d", i);
            partnerships.addObject().put("id", id).put("name", "Unitary " + i).put("type", "UNITARY");
            submissions.addObject().put("partnership", id).put("title", "Project " + i).put("basis", "LAA_REVIEW");
        }
        service.putProgramme("many", programme(document));

        String runId = service.commit("many", CommitRequest.confirming(service.dryRun("many").inputHash()), Optional.empty()).run().header().runId();

        assertThat(service.run("many", runId).rows()).hasSize(260);
    }

    @Test
    void aProgrammeLargerThanOneItemIsStoredInPartsAndReadBackWhole() {
        ObjectNode document = Json.object().put("programmeId", "large").put("eurRate", "1.2")
                .put("supportDaysPerPartnership", "1.0");
        document.putObject("grantRates").put("SINGLE_TIER", "100.00");
        ArrayNode partnerships = document.putArray("partnerships");
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String id = String.format("unitary-%05d", i);
            ObjectNode partnership = partnerships.addObject().put("id", id).put("name", "Unitary " + Long.toHexString(random.nextLong()))
                    .put("type", "UNITARY");
            partnership.putArray("contacts").addObject().put("role", "REPRESENTATIVE")
                    .put("email", Long.toHexString(random.nextLong()) + "@" + id + ".example");
        }
        Programme programme = programme(document);

        service.putProgramme("large", programme);
        StoredProgramme replaced = service.putProgramme("large", programme);

        StoredProgramme loaded = programmes.load("large").orElseThrow();
        assertThat(loaded.version()).isEqualTo(replaced.version());
        assertThat(ProgrammeJson.write(loaded.programme())).isEqualTo(ProgrammeJson.write(programme));
    }
}
