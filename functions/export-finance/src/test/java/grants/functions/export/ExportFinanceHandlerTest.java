package grants.functions.export;

import grants.testing.TestProgrammes;
import grants.core.run.CommitRequest;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.s3.S3ExportStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.allocation.AllocationCsv;
import grants.core.errors.NotFoundException;
import grants.core.exports.ExportDownloads;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportStore;
import grants.core.exports.StreamedObject;
import grants.documents.exports.PaymentReferences;
import grants.documents.Json;
import grants.testing.ThreeSixtyGivingSchema;
import grants.documents.ProgrammeJson;
import grants.core.run.AllocationService;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ExportFinance on the local stack: a committed run's stream record in, files in S3Proxy, links
 * downloaded over plain HTTP, and the finance email read back from the SES emulator.
 */
class ExportFinanceHandlerTest {

    private static final String FINANCE = "finance.officer@gowm.example";

    private AwsClients aws;
    private String table;
    private String bucket;
    private Wiring wiring;
    private AllocationService allocations;
    private ExportDownloads downloads;
    private String programmeId;

    @BeforeEach
    void freshTableAndBucket() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        table = TestAwsStack.uniqueTableName(getClass());
        bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        Clock clock = Clock.systemUTC();
        wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.EXPORT_BUCKET, bucket,
                Environment.SENDER_EMAIL, "grants@programme.example")), aws, clock);
        allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        downloads = new ExportDownloads(wiring.exportIndex(), new S3PresignedLinks(aws, bucket));
        programmeId = "l2d-" + Long.toHexString(System.nanoTime());
    }

    private ExportFinanceHandler handler(ExportStore store) {
        return new ExportFinanceHandler(wiring, store);
    }

    private ExportFinanceHandler handler() {
        return new ExportFinanceHandler(wiring); // as deployed: files streamed through presigned links
    }

    /** West Midlands with a finance contact, Birmingham not taking part, and Coventry's registered org id. */
    private String commitRun() throws IOException {
        ObjectNode document;
        try (InputStream in = getClass().getResourceAsStream("/data/west-midlands-2007-08.json")) {
            document = (ObjectNode) Json.MAPPER.readTree(in);
        }
        document.put("programmeId", programmeId);
        document.putArray("financeContacts").addObject().put("name", "Finance Officer").put("email", FINANCE);
        document.putObject("finance").put("costCentre", "L2D-0708").put("paymentReferencePrefix", "L2D")
                .put("identifierPrefix", "l2d");
        ((ObjectNode) document.get("partnerships").get(1)).put("orgId", "GB-LAE-COV").put("areaCode", "E08000026")
                .put("accountableBody", "Coventry City Council");
        document.withArray("submissions").remove(0); // Birmingham submits nothing
        allocations.putProgramme(programmeId, ProgrammeJson.read(document));
        String runId = allocations.commit(programmeId, CommitRequest.confirming(allocations.dryRun(programmeId).inputHash()),
                Optional.empty()).run().header().runId();
        TheLedgersIntake.recordsTheRun(wiring, programmeId, runId);
        return runId;
    }

    private DynamodbEvent forRun(DynamodbEvent event, String runId) {
        Map<String, AttributeValue> keys = Map.of("pk", new AttributeValue().withS("PROGRAMME#" + programmeId),
                "sk", new AttributeValue().withS("RUN#" + runId));
        event.getRecords().get(0).getDynamodb().setKeys(keys);
        event.getRecords().get(0).getDynamodb().setNewImage(keys);
        return event;
    }

    private static byte[] download(URI link) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) link.toURL().openConnection();
        assertThat(connection.getResponseCode()).as("GET %s", link).isEqualTo(200);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private Map<String, byte[]> downloadAll(String runId) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, URI> link : downloads.links(programmeId, runId, Duration.ofMinutes(5)).entrySet()) {
            files.put(link.getKey(), download(link.getValue()));
        }
        return files;
    }

    private List<JsonNode> emailsAbout(String runId) throws IOException {
        String store = new String(TestAwsStack.shared().sesEndpoint().resolve("/store").toURL().openStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        List<JsonNode> emails = new java.util.ArrayList<>();
        Json.parse(store).get("emails").forEach(email -> {
            if (email.toString().contains(runId)) {
                emails.add(email);
            }
        });
        return emails;
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void everyFileDownloadsByItsLinkAndMatchesTheManifest(DynamodbEvent event) throws IOException {
        String runId = commitRun();

        StreamsEventResponse response = handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, byte[]> files = downloadAll(runId);
        assertThat(files.keySet()).containsExactly("allocations.csv", "payments.csv", "360giving.json",
                "360giving.csv", "run-report.html", "budget.csv", "ledger.csv", "manifest.json");
        JsonNode manifest = Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        for (JsonNode entry : manifest.get("files")) {
            byte[] bytes = files.get(entry.get("name").asText());
            assertThat(bytes).hasSize(entry.get("bytes").asInt());
            assertThat(AllocationCsv.sha256(bytes)).isEqualTo(entry.get("sha256").asText());
        }
        assertThat(manifest.get("totals").get("finalGrantsGbp").asText()).isEqualTo("352800.00");
        assertThat(manifest.get("totals").get("csvSha256").asText())
                .isEqualTo(AllocationCsv.sha256(files.get("allocations.csv")));
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void paymentsAndOpenDataAddUpToTheRun(DynamodbEvent event) throws IOException {
        String runId = commitRun();
        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        Map<String, byte[]> files = downloadAll(runId);

        List<String> payments = new String(files.get("payments.csv"), StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(payments).hasSize(37).noneMatch(line -> line.contains("birmingham"));
        Set<String> references = new HashSet<>();
        BigDecimal paid = BigDecimal.ZERO;
        for (String line : payments) {
            String[] fields = line.split(",");
            assertThat(PaymentReferences.isValid(fields[0])).as(fields[0]).isTrue();
            references.add(fields[0]);
            paid = paid.add(new BigDecimal(fields[8]));
            assertThat(fields[9]).isEqualTo("L2D-0708");
            assertThat(fields[10]).isEqualTo(runId);
        }
        assertThat(references).hasSize(37);
        assertThat(paid).isEqualByComparingTo("352800.00");
        assertThat(payments).as("paid to the accountable body, under its registered id, once, on the day of the commit")
                .anyMatch(line -> line.matches(".*,Coventry City Council,GB-LAE-COV,coventry,Coventry,,1,"
                        + "\\d{4}-\\d{2}-\\d{2},19600\\.00,L2D-0708,.*"));

        JsonNode grants = Json.parse(new String(files.get("360giving.json"), StandardCharsets.UTF_8)).get("grants");
        assertThat(grants).hasSize(37);
        BigDecimal awarded = BigDecimal.ZERO;
        for (JsonNode grant : grants) {
            for (String field : List.of("id", "title", "description", "currency", "amountAwarded", "awardDate")) {
                assertThat(grant.hasNonNull(field)).as(field).isTrue();
            }
            assertThat(grant.get("id").asText()).startsWith("360G-l2d-");
            assertThat(grant.get("fundingOrganization").get(0).hasNonNull("id")).isTrue();
            assertThat(grant.get("fundingOrganization").get(0).hasNonNull("name")).isTrue();
            assertThat(grant.get("recipientOrganization").get(0).hasNonNull("id")).isTrue();
            assertThat(grant.get("recipientOrganization").get(0).hasNonNull("name")).isTrue();
            awarded = awarded.add(grant.get("amountAwarded").decimalValue());
        }
        assertThat(awarded).isEqualByComparingTo("352800.00");
        JsonNode coventry = grants.findParents("id").stream()
                .filter(g -> g.path("recipientOrganization").path(0).path("id").asText().equals("GB-LAE-COV"))
                .findFirst().orElseThrow();
        assertThat(coventry.get("beneficiaryLocation").get(0).get("geoCode").asText()).isEqualTo("E08000026");

        List<String> csv = new String(files.get("360giving.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(csv.get(0)).startsWith("Identifier,Title,Description,Currency,Amount Awarded,Award Date,"
                + "Funding Org:Identifier,Funding Org:Name,Recipient Org:Identifier,Recipient Org:Name");
        assertThat(csv).hasSize(38);
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void the360GivingPackageMeetsTheStandardsOwnSchema(DynamodbEvent event) throws IOException {
        String runId = commitRun();
        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        byte[] grants = downloadAll(runId).get("360giving.json");

        ThreeSixtyGivingSchema.assertValid(grants);
        ObjectNode broken = (ObjectNode) Json.parse(new String(grants, StandardCharsets.UTF_8));
        ((ObjectNode) broken.get("grants").get(0)).remove("currency");
        assertThatThrownBy(() -> ThreeSixtyGivingSchema.assertValid(Json.write(broken).getBytes(StandardCharsets.UTF_8)))
                .as("the schema check is not vacuous").isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void aRedeliveredRecordWritesTheSameBytesAndEmailsFinanceOnce(DynamodbEvent event) throws IOException {
        String runId = commitRun();
        ExportFinanceHandler handler = handler();

        handler.handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        Map<String, byte[]> first = downloadAll(runId);
        handler.handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        Map<String, byte[]> second = downloadAll(runId);

        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        List<JsonNode> emails = emailsAbout(runId);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).toString()).contains(FINANCE, "£352,800.00", "payments.csv");
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void anExportCutShortIsIncompleteUntilItsRetryFinishesIt(DynamodbEvent event) throws IOException {
        String runId = commitRun();
        S3ExportStore real = new S3ExportStore(aws.s3(), bucket);
        ExportStore failsOnTheThirdObject = new ExportStore() {
            private final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public void put(String key, ExportFile file) { // called from several writers at once
                if (puts.incrementAndGet() == 3) {
                    throw new IllegalStateException("simulated S3 failure between two objects");
                }
                real.put(key, file);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return real.get(key);
            }
        };

        StreamsEventResponse failed = handler(failsOnTheThirdObject)
                .handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(failed.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("111100000000000000000001");
        assertThatThrownBy(() -> downloads.links(programmeId, runId, Duration.ofMinutes(5)))
                .isInstanceOf(NotFoundException.class);
        assertThat(emailsAbout(runId)).isEmpty();

        StreamsEventResponse retried = handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(retried.getBatchItemFailures()).isEmpty();
        Map<String, byte[]> files = downloadAll(runId);
        JsonNode manifest = Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.get("files").findValuesAsText("name")).hasSize(7);
        for (JsonNode entry : manifest.get("files")) {
            assertThat(AllocationCsv.sha256(files.get(entry.get("name").asText()))).isEqualTo(entry.get("sha256").asText());
        }
        assertThat(emailsAbout(runId)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void aFileThatFailsWhileStreamingAnnouncesNothingLeavesNothingAndItsRetryWritesTheSameBytes(DynamodbEvent event)
            throws IOException {
        String runId = commitRun();
        S3PresignedLinks real = new S3PresignedLinks(aws, bucket);
        ExportStore failsPartWayThroughTheJson = new ExportStore() {
            @Override
            public void put(String key, ExportFile file) {
                real.put(key, file);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return real.get(key);
            }

            @Override
            public StreamedObject open(String key, String contentType) {
                StreamedObject object = real.open(key, contentType);
                return !key.endsWith("360giving.json") ? object : new StreamedObject() {
                    private int written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        written += length;
                        if (written > 2_000) {
                            throw new IOException("simulated S3 failure part-way through the file");
                        }
                        object.write(bytes, offset, length);
                    }

                    @Override
                    public void complete() {
                        object.complete();
                    }

                    @Override
                    public void abort() {
                        object.abort();
                    }
                };
            }
        };

        StreamsEventResponse failed = handler(failsPartWayThroughTheJson)
                .handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThatThrownBy(() -> downloads.links(programmeId, runId, Duration.ofMinutes(5)))
                .as("no links to a set of files that is not whole").isInstanceOf(NotFoundException.class);
        String prefix = "exports/" + programmeId + "/" + runId + "/";
        assertThat(real.get(prefix + "manifest.json")).as("no manifest").isEmpty();
        assertThat(real.get(prefix + "360giving.json")).as("no part of the file that failed").isEmpty();
        assertThat(emailsAbout(runId)).isEmpty();

        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        Map<String, byte[]> retried = downloadAll(runId);
        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));
        Map<String, byte[]> again = downloadAll(runId);

        assertThat(retried.keySet()).hasSize(8).isEqualTo(again.keySet());
        retried.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
        ThreeSixtyGivingSchema.assertValid(retried.get("360giving.json"));
        assertThat(emailsAbout(runId)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void linksAreRefusedBeyondSevenDays(DynamodbEvent event) throws IOException {
        String runId = commitRun();
        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThatThrownBy(() -> downloads.links(programmeId, runId, Duration.ofDays(7).plusSeconds(1)))
                .hasMessageContaining("expiresInSeconds");
        assertThat(downloads.links(programmeId, runId, Duration.ofDays(7))).hasSize(8);
    }

    /**
     * SnapStart priming goes as far as an export's writes (every file rendered, a link signed, the index
     * entry marshalled and signed) and writes, uploads and emails nothing, on an empty table.
     */
    @Test
    void primingForSnapStartRendersAnExportInMemoryAndWritesNothing() throws IOException {
        ExportFinanceHandler handler = handler();

        handler.beforeCheckpoint(null);
        List<String> deeper = handler.primeDeeper();

        assertThat(deeper).as("the index entry stopped once, never retried")
                .containsExactly("rendered 8 files in memory", "signed a link", "DynamoDb.PutItem, signed");
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table)).count()).isZero();
        assertThat(aws.dynamoDb().scan(r -> r.tableName(table + "-audit")).count()).isZero();
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(bucket)).keyCount()).isZero();
        assertThat(emailsAbout("snapstart-priming")).isEmpty();
    }

    /** Keeps the stream records that are not committed runs from doing anything. */
    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void recordsThatAreNotNewRunsAreIgnored(DynamodbEvent event) {
        event.getRecords().get(0).setEventName("MODIFY");

        assertThat(handler().handleRequest(event, new LocalLambdaContext("ExportFinance")).getBatchItemFailures()).isEmpty();
    }

    /** The West Midlands: the programme's own pots, from the ledger, in the files and the finance email. */
    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void theLedgersFilesAreInTheSetAndTheFinanceEmailNamesTheRegionalDevelopmentAgencysLine(DynamodbEvent event)
            throws IOException {
        String runId = commitRun();

        handler().handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        Map<String, byte[]> files = downloadAll(runId);
        List<String> budget = new String(files.get("budget.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(budget).containsExactly("scope,year,line,title,source,ring_fence,in_kind,budget,carried_in,"
                        + "carried_out,committed,paid,remaining",
                programmeId + ",2007-08,core-grants,Grants to partnerships,Core,,false,540000.00,0.00,0.00,352800.00,"
                        + "0.00,187200.00",
                programmeId + ",2007-08,regional-development-agency,Economic development support,"
                        + "Regional Development Agency,economic development,false,70000.00,0.00,0.00,0.00,0.00,70000.00");
        assertThat(new String(files.get("ledger.csv"), StandardCharsets.UTF_8).lines().skip(1)).singleElement()
                .asString().startsWith("run:" + programmeId + "/" + runId + ",")
                .contains(",2007-08,core-grants,COMMITTED,352800.00,,Run " + runId + " of ", ",ledger-intake");
        JsonNode manifest = Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.get("files").findValuesAsText("name")).contains("budget.csv", "ledger.csv");
        assertThat(emailsAbout(runId)).singleElement().asString().contains("Regional Development Agency: Economic"
                + " development support, 2007-08: £70,000.00, only for economic development; £0.00 committed,"
                + " £70,000.00 left");
    }
}
