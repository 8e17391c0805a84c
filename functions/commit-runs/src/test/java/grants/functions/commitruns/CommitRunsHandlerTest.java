package grants.functions.commitruns;

import grants.core.run.AllocationService;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.StreamEvents;
import grants.adapters.wiring.Wiring;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.exports.ExportFile;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.documents.exports.ExportBundle;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.core.errors.ConflictException;
import grants.core.programme.Submission;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobs;
import grants.core.run.CommitRequest;
import grants.core.run.RunHeader;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CommitRuns on the emulators: a job's stream record writes its run whole, a redelivery changes
 * nothing, a job cut short is finished from where it stopped, and a programme has one unfinished
 * job at a time. The West Midlands' 38 partnerships count as large, with the limit set to 10.
 */
class CommitRunsHandlerTest {

    private static final Actor MANAGER = Actor.system("manager@wm.example", Role.PROGRAMME_MANAGER);
    private static final Submission RUGBY_RETITLED = new Submission("rugby", "Rugby project, retitled",
            Submission.Basis.SELF_ASSESSMENT, List.of());

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private Wiring wiring;
    private AllocationService allocations;
    private CommitJobs commits;
    private CommitRunsHandler handler;

    private AwsClients aws;

    @BeforeEach
    void freshTableWithTheWestMidlands() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.COMMIT_IN_BACKGROUND_ABOVE, "10")),
                aws, clock);
        allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        allocations.putProgramme("wm", TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "wm"));
        commits = new CommitRunsComposition(wiring).commitJobs();
        handler = new CommitRunsHandler(wiring);
    }

    private CommitJob queued() {
        CommitRequest preview = CommitRequest.confirming(allocations.dryRun("wm").inputHash());
        return ((CommitJobs.Outcome.Queued) commits.commit("wm", preview, Optional.empty(), MANAGER)).job();
    }

    private StreamsEventResponse deliver(Map<String, String> keys) {
        return handler.handleRequest(StreamEvents.inserted(keys), new LocalLambdaContext("CommitRunsFunction"));
    }

    @Test
    void aJobsRecordWritesTheRunWholeAndARedeliveryChangesNothing() {
        CommitJob job = queued();
        assertThat(allocations.listRuns("wm")).isEmpty();

        assertThat(deliver(Keys.commitJobKeys("wm", job.jobId())).getBatchItemFailures()).isEmpty();
        assertThat(deliver(Keys.commitJobKeys("wm", job.jobId())).getBatchItemFailures()).isEmpty();

        assertThat(commits.job("wm", job.jobId()).state()).isEqualTo(CommitJob.State.DONE);
        List<RunHeader> runs = allocations.listRuns("wm");
        assertThat(runs).extracting(RunHeader::runId).containsExactly(job.runId());
        assertThat(runs.get(0).totals().finalGrantsPence()).isEqualTo(37_240_000);
        assertThat(allocations.run("wm", job.runId()).rows()).hasSize(38);
    }

    @Test
    void theWorkerWritesTheRunsExportFilesFromTheRowsItHoldsBeforeTheRunIsPublished() {
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        aws.s3().createBucket(request -> request.bucket(bucket));
        Wiring withBucket = new Wiring(wiring.environment().with(Environment.EXPORT_BUCKET, bucket), aws, clock);
        CommitRequest preview = CommitRequest.confirming(allocations.dryRun("wm").inputHash());
        CommitJob job = ((CommitJobs.Outcome.Queued) new CommitRunsComposition(withBucket).commitJobs()
                .commit("wm", preview, Optional.empty(), MANAGER)).job();

        new CommitRunsHandler(withBucket).handleRequest(StreamEvents.inserted(Keys.commitJobKeys("wm", job.jobId())),
                new LocalLambdaContext("CommitRunsFunction"));

        AllocationRun run = allocations.run("wm", job.runId());
        Programme snapshot = wiring.programmes().snapshot("wm", run.header().inputHash()).orElseThrow();
        S3PresignedLinks files = new S3PresignedLinks(aws, bucket);
        for (ExportFile expected : new ExportBundle().render(snapshot, run)) {
            assertThat(files.get("exports/wm/" + job.runId() + "/" + expected.name())).as(expected.name())
                    .hasValue(expected.bytes());
        }
    }

    @Test
    void aJobCutShortIsFinishedFromWhereItStopped() {
        CommitJob job = queued();
        Allocation allocation = AllocationEngine.allocate(TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "wm"));
        RunHeader header = RunHeader.of("wm", job.runId(), clock.instant(), job.inputHash(), allocation, Optional.empty());
        wiring.runs().writeRows(header, allocation.rows().subList(0, 20)); // an earlier worker's, before its timeout
        assertThat(wiring.runs().writtenRowIds("wm", job.runId())).hasSize(20);
        assertThat(allocations.listRuns("wm")).as("twenty rows, no run").isEmpty();

        deliver(Keys.commitJobKeys("wm", job.jobId()));

        assertThat(allocations.run("wm", job.runId()).rows()).isEqualTo(allocation.rows());
    }

    @Test
    void aProgrammeHasOneUnfinishedJobUntilItIsDoneOrAnHourHasPassed() {
        CommitJob first = queued();
        allocations.putSubmission("wm", RUGBY_RETITLED);

        assertThatThrownBy(this::queued).isInstanceOfSatisfying(ConflictException.class,
                refused -> assertThat(refused.getMessage()).contains(first.jobId()));

        clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        CommitJob second = queued();
        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        deliver(Keys.commitJobKeys("wm", first.jobId()));
        assertThat(commits.job("wm", first.jobId()).state()).as("the abandoned job never joins the next")
                .isEqualTo(CommitJob.State.FAILED);
        assertThat(allocations.listRuns("wm")).isEmpty();

        deliver(Keys.commitJobKeys("wm", second.jobId()));
        assertThat(commits.job("wm", second.jobId()).state()).isEqualTo(CommitJob.State.DONE);
        allocations.putSubmission("wm", new Submission("rugby", "Rugby project, again",
                Submission.Basis.SELF_ASSESSMENT, List.of()));
        assertThat(queued().state()).as("free once done").isEqualTo(CommitJob.State.QUEUED);
    }

    @Test
    void aRecordOfAJobThatIsNotThereIsReportedForRetry() {
        StreamsEventResponse response = deliver(Keys.commitJobKeys("wm", "20261125T090000000Z-000000"));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("1");
    }

    /**
     * SnapStart priming goes as far as a real job's writes (a batch of rows marshalled and signed, the
     * files rendered, a link signed) and writes nothing anywhere, whatever the table holds.
     */
    @Test
    void primingForSnapStartGoesAsFarAsTheBatchWriterAndWritesNothing() {
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        aws.s3().createBucket(request -> request.bucket(bucket));
        CommitRunsHandler primed = new CommitRunsHandler(new Wiring(wiring.environment().with(Environment.EXPORT_BUCKET, bucket), aws, clock));
        String table = wiring.environment().required(Environment.TABLE);
        int items = aws.dynamoDb().scan(r -> r.tableName(table)).count();
        int audited = aws.dynamoDb().scan(r -> r.tableName(table + "-audit")).count();

        primed.beforeCheckpoint(null);
        List<String> deeper = primed.primeDeeper();

        assertThat(deeper).as("the batch stopped once, never retried").containsExactly("allocated 4 partnerships",
                "DynamoDb.BatchWriteItem, signed", "rendered 6 files in memory", "signed a link");
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table)).count()).isEqualTo(items);
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table + "-audit")).count()).isEqualTo(audited);
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(bucket)).keyCount()).isZero();
    }
}
