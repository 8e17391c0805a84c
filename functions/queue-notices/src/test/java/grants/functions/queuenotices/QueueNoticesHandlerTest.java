package grants.functions.queuenotices;

import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.dynamodb.Keys;
import grants.adapters.wiring.Wiring;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.lambda.StreamEvents.inserted;
import static org.assertj.core.api.Assertions.assertThat;

/** QueueNotices on the emulators: a committed run's record makes its notices, a notice's record queues it, once. */
class QueueNoticesHandlerTest {

    private AwsClients aws;
    private Wiring wiring;
    private String queueUrl;
    private QueueNoticesHandler handler;
    private String table;

    @BeforeEach
    void freshTableAndQueue() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        queueUrl = aws.sqs().createQueue(r -> r.queueName("notices-" + System.nanoTime())).queueUrl();
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.NOTICES_QUEUE_URL, queueUrl)),
                aws, Clock.systemUTC());
        handler = new QueueNoticesHandler(wiring);
    }

    private int queued() {
        return Integer.parseInt(aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages"));
    }

    @Test
    void aCommittedRunGetsOneNoticePerPartnershipHoweverOftenItsRecordComes() {
        AllocationService allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        allocations.putProgramme("wm", TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "wm"));
        String runId = allocations.commit("wm", CommitRequest.confirming(allocations.dryRun("wm").inputHash()), Optional.empty()).run().header().runId();

        assertThat(handler.handleRequest(inserted(Keys.committedRunKeys("wm", runId)), null).getBatchItemFailures()).isEmpty();
        handler.handleRequest(inserted(Keys.committedRunKeys("wm", runId)), null);

        assertThat(wiring.notices().withPrefix("wm", runId + "/")).hasSize(38);
    }

    @Test
    void aNewNoticesRecordPutsItOnTheQueue() {
        handler.handleRequest(inserted(Keys.noticeKeys("wm", "run-1/rugby/FUNDED")), null);

        assertThat(queued()).isEqualTo(1);
    }

    @Test
    void aRunThatIsNotThereIsReportedForRetryNotSkipped() {
        var response = handler.handleRequest(inserted(Keys.committedRunKeys("wm", "no-such-run")), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo("1"));
    }

    /** Priming goes as far as a notice's write and its queueing, both signed, and neither is sent. */
    @Test
    void primingForSnapStartQueuesNothingAndWritesNothing() {
        handler.beforeCheckpoint(null);
        java.util.List<String> deeper = handler.primeDeeper();

        assertThat(deeper).as("each request stopped once, never retried")
                .containsExactly("made 4 notices in memory", "DynamoDb.PutItem, signed", "Sqs.SendMessageBatch, signed");
        assertThat(queued()).isZero();
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table)).count()).isZero();
    }
}
