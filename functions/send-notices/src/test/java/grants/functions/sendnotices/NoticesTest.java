package grants.functions.sendnotices;

import grants.core.run.CommitRequest;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import grants.functions.emailfeedback.EmailFeedbackHandler;
import grants.functions.queuenotices.QueueNoticesHandler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.dynamodb.Keys;
import grants.documents.Json;
import grants.documents.JsonProgrammeDocuments;
import grants.documents.ProgrammeJson;
import grants.core.notices.Bulletin;
import grants.core.notices.Notice;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeState;
import grants.core.run.AllocationService;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices along their whole path on the local stack: the table stream's records to QueueNotices,
 * SQS (ElasticMQ) to SendNotices, SES (aws-ses-v2-local) read back, SNS feedback to EmailFeedback.
 * The test plays Lambda's part: it hands stream records and queue messages to the handlers, and
 * makes a message reported as failed visible again, as SQS does after the visibility timeout.
 */
class NoticesTest {

    private AwsStack stack;
    private AwsClients aws;
    private String table;
    private String queueUrl;
    private SqsClient sqs;
    private String programmeId;
    private String programmeName;
    private AllocationService allocations;
    private NoticeService notices;

    @BeforeEach
    void freshTableAndQueue() {
        stack = TestAwsStack.shared();
        aws = clients(stack.sesEndpoint());
        table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        sqs = aws.sqs();
        queueUrl = sqs.createQueue(r -> r.queueName("notices-" + System.nanoTime())).queueUrl();
        Clock clock = Clock.systemUTC();
        Wiring wiring = wiring(aws);
        allocations = new AllocationService(wiring.programmes(), wiring.runs(), new JsonProgrammeDocuments(),
                wiring.clock(), new java.util.Random());
        notices = new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                wiring.clock(), wiring.auditLog());
        programmeId = "l2d-" + Long.toHexString(System.nanoTime());
        programmeName = "Learning to Deliver [" + programmeId + "]";
    }

    private AwsClients clients(URI ses) {
        return AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint, () -> ses,
                stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
    }

    private SendNoticesHandler sender(AwsClients clients) {
        return new SendNoticesHandler(new Wiring(wiring(clients).environment()
                .with(Environment.NOTICE_RATE_PER_SECOND, "200"), clients, Clock.systemUTC()));
    }

    /** The settings each function of the notices path reads, for this test's table and queue. */
    private Wiring wiring(AwsClients clients) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.SENDER_EMAIL, "grants@programme.example"));
        if (queueUrl != null) {
            settings.put(Environment.NOTICES_QUEUE_URL, queueUrl);
        }
        return new Wiring(Environment.of(settings), clients, Clock.systemUTC());
    }

    private String commit(String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/data/" + fixture)) {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(in);
            document.put("programmeId", programmeId).put("name", programmeName);
            allocations.putProgramme(programmeId, ProgrammeJson.read(document));
        }
        return allocations.commit(programmeId, CommitRequest.confirming(allocations.dryRun(programmeId).inputHash()), Optional.empty()).run().header().runId();
    }

    /** What the table stream hands QueueNotices: the run's header, then each new notice. */
    private void streamToQueue(String runId) {
        QueueNoticesHandler queue = new QueueNoticesHandler(wiring(aws));
        assertThat(queue.handleRequest(record("run-committed.json", Keys.committedRunKeys(programmeId, runId)), null)
                .getBatchItemFailures()).isEmpty();
        streamNotices(queue, runId + "/");
    }

    private void streamNotices(QueueNoticesHandler queue, String prefix) {
        for (Notice notice : wiring(aws).notices().withPrefix(programmeId, prefix)) {
            if (notice.state() == NoticeState.QUEUED) {
                assertThat(queue.handleRequest(record("notice-created.json", Keys.noticeKeys(programmeId, notice.key())), null)
                        .getBatchItemFailures()).isEmpty();
            }
        }
    }

    /** A sample stream record of events/, naming the item of these keys. */
    private DynamodbEvent record(String event, Map<String, String> itemKeys) {
        DynamodbEvent stream = EventLoader.loadDynamoDbEvent(event);
        Map<String, AttributeValue> keys = new java.util.HashMap<>();
        itemKeys.forEach((name, value) -> keys.put(name, new AttributeValue().withS(value)));
        stream.getRecords().get(0).getDynamodb().setKeys(keys);
        return stream;
    }

    /** Delivers the queue to SendNotices in batches of ten until it is empty; returns how many batches. */
    private int drain(SendNoticesHandler handler, int maxBatches) {
        int batches = 0;
        while (batches < maxBatches) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(30).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return batches;
            }
            batches++;
            SQSBatchResponse response = handler.handleRequest(sqsEvent(messages), new LocalLambdaContext("SendNotices"));
            Set<String> retry = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message message : messages) {
                if (retry.contains(message.messageId())) {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return batches;
    }

    private static SQSEvent sqsEvent(List<Message> messages) {
        SQSEvent event = EventLoader.loadSQSEvent("notice-message.json");
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            records.add(record);
        }
        event.setRecords(records);
        return event;
    }

    /** Every email the SES emulator holds for this test's programme. */
    private List<JsonNode> emails() throws IOException {
        String store = new String(stack.sesEndpoint().resolve("/store").toURL().openStream().readAllBytes(),
                StandardCharsets.UTF_8);
        List<JsonNode> ours = new ArrayList<>();
        Json.parse(store).get("emails").forEach(email -> {
            if (email.path("subject").asText().contains(programmeId)) {
                ours.add(email);
            }
        });
        return ours;
    }

    private static List<String> to(JsonNode email) {
        List<String> to = new ArrayList<>();
        email.path("destination").path("to").forEach(address -> to.add(address.asText()));
        return to;
    }

    private JsonNode emailTo(String address) throws IOException {
        return emails().stream().filter(email -> to(email).contains(address)).reduce((a, b) -> b).orElseThrow();
    }

    @ParameterizedTest
    @Event(value = "notice-message.json", type = SQSEvent.class)
    void westMidlandsNoticesArriveOnceEachWithTheirAmountsAndReasons(SQSEvent sample) throws IOException {
        assertThat(sample.getRecords()).hasSize(1);
        String runId = commit("west-midlands-2007-08.json");

        streamToQueue(runId);
        drain(sender(aws), 20);

        List<JsonNode> sent = emails();
        assertThat(sent).hasSize(38);
        JsonNode birmingham = emailTo("project.lead@birmingham.lsp.example");
        assertThat(to(birmingham)).containsExactlyInAnyOrder("project.lead@birmingham.lsp.example",
                "champion@birmingham.lsp.example");
        assertThat(birmingham.path("subject").asText()).endsWith("your grant of £19,600.00");
        assertThat(birmingham.path("body").path("text").asText()).contains("£19,600.00 (EUR 29066.80)",
                "1.0 days of one-to-one adviser support", "Birmingham is funded");
        assertThat(birmingham.path("body").path("html").asText()).contains("<strong>£19,600.00</strong>");
        assertThat(notices.runNotices(programmeId, runId)).hasSize(38)
                .allSatisfy(notice -> {
                    assertThat(notice.state()).isEqualTo(NoticeState.SENT);
                    assertThat(notice.messageId()).isNotBlank();
                });
    }

    @Test
    void aWithdrawnLocalityIsToldWhyWithItsQOfN() throws IOException {
        String runId = commit("west-midlands-warwickshire-withdrawn.json");

        streamToQueue(runId);
        drain(sender(aws), 20);

        JsonNode rugby = emailTo("project.lead@rugby.lsp.example");
        assertThat(rugby.path("subject").asText()).endsWith("funding withdrawn for the Warwickshire locality");
        assertThat(rugby.path("body").path("text").asText()).contains("Only 2 of 5 districts", "at least 3 were needed",
                "£37,800.00", "Rugby's funding is withdrawn");
        assertThat(emailTo("project.lead@birmingham.lsp.example").path("body").path("text").asText())
                .contains("£1,181.25 is your share");
    }

    @Test
    void sesFailuresAndRedeliveriesNeitherDuplicateNorLoseANotice() throws IOException {
        String runId = commit("west-midlands-2007-08.json");
        streamToQueue(runId);
        streamToQueue(runId); // the stream redelivers every record: duplicate messages on the queue

        int failingBatches = drain(sender(clients(deadEndpoint())), 3); // SES unreachable: everything is retried
        assertThat(failingBatches).isEqualTo(3);
        assertThat(emails()).isEmpty();
        drain(sender(aws), 40);

        List<JsonNode> sent = emails();
        Map<String, Long> perPartnership = sent.stream().collect(Collectors.groupingBy(e -> to(e).get(0), Collectors.counting()));
        assertThat(sent).as("no notice lost").hasSize(38);
        assertThat(perPartnership.values()).as("no notice duplicated").allMatch(count -> count == 1);
        assertThat(notices.runNotices(programmeId, runId)).allMatch(notice -> notice.state() == NoticeState.SENT);
        System.out.printf("fault test: %d notices, %d emails sent, %d duplicates, %d lost%n", 38, sent.size(),
                sent.size() - perPartnership.size(), 38 - perPartnership.size());
    }

    /** A loopback port nothing listens on: a stopped SES emulator. */
    private static URI deadEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void aBounceSuppressesTheAddressForLaterNotices() throws IOException {
        String runId = commit("west-midlands-2007-08.json");
        streamToQueue(runId);
        drain(sender(aws), 20);
        Notice rugby = notices.runNotices(programmeId, runId).stream()
                .filter(notice -> "rugby".equals(notice.partnershipId())).findFirst().orElseThrow();
        SNSEvent bounce = EventLoader.loadSNSEvent("ses-bounce.json");
        ObjectNode feedback = (ObjectNode) Json.parse(bounce.getRecords().get(0).getSNS().getMessage());
        ((ObjectNode) feedback.get("mail")).put("messageId", rugby.messageId());
        bounce.getRecords().get(0).getSNS().setMessage(Json.write(feedback));

        new EmailFeedbackHandler(wiring(aws)).handleRequest(bounce, null);
        notices.resend(programmeId, runId, "rugby");
        streamNotices(new QueueNoticesHandler(wiring(aws)), runId + "/rugby/");
        drain(sender(aws), 5);

        List<Notice> rugbyNotices = notices.runNotices(programmeId, runId).stream()
                .filter(notice -> "rugby".equals(notice.partnershipId())).toList();
        assertThat(rugbyNotices.get(0).state()).isEqualTo(NoticeState.BOUNCED);
        assertThat(rugbyNotices.get(1).key()).endsWith("/resend-1");
        assertThat(rugbyNotices.get(1).state()).isEqualTo(NoticeState.SENT);
        assertThat(rugbyNotices.get(1).suppressed()).containsExactly("champion@rugby.lsp.example");
        assertThat(to(emailTo("project.lead@rugby.lsp.example"))).containsExactly("project.lead@rugby.lsp.example");
    }

    @Test
    void aBulletinGoesOnceToEachAddressAsRenderedMarkdown() throws IOException {
        commit("west-midlands-2007-08.json");
        Bulletin bulletin = new Bulletin(programmeId, "briefing-1", "October e-briefing " + programmeId,
                "# Performance management\n\nThe next **How to** workshop <script>x</script> is on *15 October*.", Bulletin.Audience.ALL);

        notices.postBulletin(bulletin);
        notices.postBulletin(bulletin); // posted twice: still one email per address
        streamNotices(new QueueNoticesHandler(wiring(aws)), "bulletin/briefing-1/");
        drain(sender(aws), 20);

        List<JsonNode> sent = emails();
        assertThat(sent).hasSize(76);
        assertThat(sent).allSatisfy(email -> assertThat(to(email)).hasSize(1));
        assertThat(sent.stream().map(email -> to(email).get(0)).distinct()).hasSize(76);
        String html = sent.get(0).path("body").path("html").asText();
        assertThat(html).contains("<h1>Performance management</h1>", "<strong>How to</strong>", "<em>15 October</em>",
                "&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void noticeStatusesAreReadableForTheProgrammeManager() throws IOException {
        String runId = commit("west-midlands-2007-08.json");
        streamToQueue(runId);

        assertThat(notices.runNotices(programmeId, runId)).hasSize(38)
                .allMatch(notice -> notice.state() == NoticeState.QUEUED);
        Map<String, Object> byKind = new HashMap<>();
        notices.runNotices(programmeId, runId).forEach(n -> byKind.merge(n.kind().name(), 1, (a, b) -> (int) a + (int) b));
        assertThat(byKind).containsEntry("FUNDED", 38);
    }
}
