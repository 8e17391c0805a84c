package grants.localaws;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The emulators answer as AWS would, and only on loopback. */
class LocalAwsStackTest {

    private static AwsStack stack;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsStack.ACCESS_KEY, AwsStack.SECRET_KEY));

    @BeforeEach
    void startStack() {
        stack = TestAwsStack.shared();
    }

    @Test
    void dynamoDbStoresAndReadsItems() {
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(stack.dynamoDbEndpoint()).httpClient(UrlConnectionHttpClient.create()).build();
        String table = TestAwsStack.uniqueTableName(getClass());
        dynamoDb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));

        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"),
                "amountPence", AttributeValue.fromN("1960000"))));

        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))))
                .item().get("amountPence").n())
                .isEqualTo("1960000");
    }

    /**
     * The local runner's tables outlive the command that wrote them, and their database writes ahead
     * to a log (one flush a write, not a journal written and removed around each: tests and commands
     * that commit a run waited on the disk for that). A closed stack has let go of the file.
     */
    @Test
    void aPersistentStackKeepsItsTablesAcrossARestartInAWriteAheadLog(@TempDir Path state) throws Exception {
        String table = TestAwsStack.uniqueTableName(getClass());
        try (LocalAwsStack first = LocalAwsStack.persistent(state)) {
            DynamoDbClient dynamoDb = dynamoDb(first);
            dynamoDb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("kept"))));
        }

        try (LocalAwsStack again = LocalAwsStack.persistent(state)) {
            assertThat(dynamoDb(again).getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("kept"))))
                    .hasItem()).isTrue();
        }
        SQLiteConnection database = new SQLiteConnection(state.resolve("dynamodb/shared-local-instance.db").toFile());
        try {
            database.open(false);
            SQLiteStatement mode = database.prepare("PRAGMA journal_mode");
            mode.step();
            assertThat(mode.columnString(0)).isEqualTo("wal");
        } finally {
            database.dispose();
        }
    }

    private static DynamoDbClient dynamoDb(AwsStack on) {
        return DynamoDbClient.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(on.dynamoDbEndpoint()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void s3ServesAPresignedUrlAndRefusesATamperedOne() throws IOException {
        S3Client s3 = S3Client.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(r -> r.bucket("presign-test"));
        s3.putObject(r -> r.bucket("presign-test").key("exports/a.csv"), RequestBody.fromString("id,amount\n"));

        URL url;
        try (S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(stack.s3Endpoint())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build()).build()) {
            url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("presign-test").key("exports/a.csv"))).url();
        }

        HttpURLConnection ok = (HttpURLConnection) url.openConnection();
        assertThat(ok.getResponseCode()).isEqualTo(200);
        assertThat(new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,amount\n");
        HttpURLConnection tampered = (HttpURLConnection) new URL(url.toString().replace("a.csv", "b.csv")).openConnection();
        assertThat(tampered.getResponseCode()).isEqualTo(403);
    }

    @Test
    void sesAcceptsAnEmailAndShowsItInItsStore() throws IOException {
        SesV2Client ses = SesV2Client.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(stack.sesEndpoint()).httpClient(UrlConnectionHttpClient.create()).build();

        ses.sendEmail(r -> r.fromEmailAddress("grants@programme.example")
                .destination(d -> d.toAddresses("finance@partnership.example"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Your grant"))
                        .body(b -> b.text(t -> t.data("GBP 19600.00"))))));

        String store = new String(stack.sesEndpoint().resolve("/store").toURL().openStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(store).contains("finance@partnership.example", "Your grant", "GBP 19600.00");
    }

    /**
     * The SES emulator is one Node process per JVM, lent to one stack at a time: a stack never sees the emails
     * of the stack before it, and two stacks open at once never share one.
     */
    @Test
    void eachStackFindsTheSesEmulatorEmptyAndTwoAtOnceDoNotShareIt() throws IOException {
        try (LocalAwsStack first = LocalAwsStack.inMemory()) {
            sendAnEmail(first.sesEndpoint(), "first@partnership.example");
            assertThat(emailsIn(first.sesEndpoint())).contains("first@partnership.example");
        }
        try (LocalAwsStack next = LocalAwsStack.inMemory(); LocalAwsStack beside = LocalAwsStack.inMemory()) {
            assertThat(emailsIn(next.sesEndpoint())).doesNotContain("first@partnership.example");
            assertThat(beside.sesEndpoint()).isNotEqualTo(next.sesEndpoint());
            sendAnEmail(beside.sesEndpoint(), "beside@partnership.example");
            assertThat(emailsIn(next.sesEndpoint())).doesNotContain("beside@partnership.example");
        }
    }

    private static void sendAnEmail(URI endpoint, String to) {
        try (SesV2Client ses = SesV2Client.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint).httpClient(UrlConnectionHttpClient.create()).build()) {
            ses.sendEmail(r -> r.fromEmailAddress("grants@programme.example").destination(d -> d.toAddresses(to))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("Your grant")).body(b -> b.text(t -> t.data("Hello."))))));
        }
    }

    private static String emailsIn(URI endpoint) throws IOException {
        return new String(endpoint.resolve("/store").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void sqsQueuesAndDeliversMessages() {
        SqsClient sqs = SqsClient.builder().region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                .endpointOverride(stack.sqsEndpoint()).httpClient(UrlConnectionHttpClient.create()).build();
        String queue = sqs.createQueue(r -> r.queueName("test-" + System.nanoTime())).queueUrl();

        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("notice 1"));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages())
                .extracting(m -> m.body()).containsExactly("notice 1");
    }

    @Test
    void everyEmulatorListensOnLoopbackOnly() {
        stack.s3Endpoint();
        stack.sesEndpoint();
        stack.sqsEndpoint();
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent() && stack instanceof LocalAwsStack, "no non-loopback address to try");
        for (URI endpoint : List.of(stack.dynamoDbEndpoint(), stack.s3Endpoint(), stack.sesEndpoint(), stack.sqsEndpoint())) {
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), endpoint.getPort()), 1_000);
                }
            }).as("port %d on %s", endpoint.getPort(), external.get()).isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> externalAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
