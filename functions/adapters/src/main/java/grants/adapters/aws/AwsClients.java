package grants.adapters.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The SDK clients of one container, each built on first use and then kept (building one costs
 * tens of milliseconds and a connection pool), with everything explicit: region, credentials,
 * HTTP client and, for emulators, the endpoint. Nothing is left to the SDK's default chains, so a
 * client never looks up instance metadata or a profile file, and cold starts stay short.
 */
public final class AwsClients implements AutoCloseable {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Endpoints endpoints;
    /** Sees every request, in tests on emulators only (see {@link AwsRequestHook}); null in Lambda. */
    private final AwsRequestHook hook;
    /*
     * Plain fields and getters, no lambdas: a function's jar carries only the SDK modules it uses,
     * and a method reference to a builder of another would load that module's classes.
     */
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient dynamoDbStreams;
    private S3Client s3;
    private SqsClient sqs;

    /**
     * @param endpoints where each service is, for emulators; {@link Endpoints#AWS} for the real services of the region
     */
    public AwsClients(Region region, AwsCredentialsProvider credentials, Endpoints endpoints) {
        this(region, credentials, endpoints, null);
    }

    private AwsClients(Region region, AwsCredentialsProvider credentials, Endpoints endpoints, AwsRequestHook hook) {
        this.region = region;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.hook = hook;
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** Emulator endpoints, asked for only when a client of that service is built (emulators start lazily). */
    public record Endpoints(Supplier<URI> dynamoDb, Supplier<URI> s3, Supplier<URI> ses, Supplier<URI> sqs) {

        static final Endpoints AWS = new Endpoints(null, null, null, null);

        static Optional<URI> of(Supplier<URI> endpoint) {
            return endpoint == null ? Optional.empty() : Optional.of(endpoint.get());
        }
    }

    /**
     * In Lambda: the region and the role's credentials are in the environment. Outside it (sam local
     * invoke, the cold-start bench) {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _S3}, {@code _SESV2} and
     * {@code _SQS} point the clients at emulators.
     */
    public static AwsClients fromEnvironment() {
        String region = System.getenv("AWS_REGION"); // set by Lambda itself, not by template.yaml
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        Endpoints endpoints = System.getenv("AWS_ENDPOINT_URL_DYNAMODB") == null ? Endpoints.AWS
                : new Endpoints(endpoint("AWS_ENDPOINT_URL_DYNAMODB"), endpoint("AWS_ENDPOINT_URL_S3"),
                        endpoint("AWS_ENDPOINT_URL_SESV2"), endpoint("AWS_ENDPOINT_URL_SQS"));
        return new AwsClients(Region.of(region), EnvironmentVariableCredentialsProvider.create(), endpoints);
    }

    private static Supplier<URI> endpoint(String variable) {
        String value = System.getenv(variable);
        return value == null ? null : () -> URI.create(value);
    }

    /**
     * For emulators on loopback: any static credentials will do, but they must be given. Where the
     * classpath offers an {@link AwsRequestHook} (the tests' policy check), every request is shown to it.
     */
    public static AwsClients local(Endpoints endpoints, String accessKey, String secretKey) {
        return local(endpoints, accessKey, secretKey,
                ServiceLoader.load(AwsRequestHook.class).findFirst().orElse(null));
    }

    /** The same, with the hook given (or none). */
    public static AwsClients local(Endpoints endpoints, String accessKey, String secretKey, AwsRequestHook hook) {
        return new AwsClients(Region.EU_WEST_2,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)), endpoints, hook);
    }

    /** The hook every request is shown to, if these clients have one. */
    public Optional<AwsRequestHook> hook() {
        return Optional.ofNullable(hook);
    }

    public boolean isEmulated() {
        return endpoints != Endpoints.AWS;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = kept(newDynamoDb());
        }
        return dynamoDb;
    }

    private DynamoDbClient newDynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        hooked(builder);
        Endpoints.of(endpoints.dynamoDb()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The table streams API, for the local runner, which plays Lambda's part in reading a stream. */
    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (dynamoDbStreams == null) {
            dynamoDbStreams = kept(newDynamoDbStreams());
        }
        return dynamoDbStreams;
    }

    private DynamoDbStreamsClient newDynamoDbStreams() {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        hooked(builder);
        Endpoints.of(endpoints.dynamoDb()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = kept(newS3());
        }
        return s3;
    }

    private S3Client newS3() {
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        hooked(builder);
        // Emulators serve buckets by path, not by host name.
        Endpoints.of(endpoints.s3()).ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = kept(newSqs());
        }
        return sqs;
    }

    private SqsClient newSqs() {
        SqsClientBuilder builder = SqsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        hooked(builder);
        Endpoints.of(endpoints.sqs()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Every client can have its requests stopped unsent by priming ({@link Unsent}), and shown to the hook if there is one. */
    private void hooked(AwsClientBuilder<?, ?> builder) {
        builder.overrideConfiguration(configuration -> {
            configuration.addExecutionInterceptor(Unsent.INTERCEPTOR);
            if (hook != null) {
                configuration.addExecutionInterceptor(hook.interceptor());
            }
        });
    }

    private <T extends SdkAutoCloseable> T kept(T client) {
        built.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        built.forEach(SdkAutoCloseable::close);
        built.clear();
    }

    /** An SES v2 API path at the emulator, or at the region's SES endpoint. */
    public URI sesUri(String path) {
        return Endpoints.of(endpoints.ses()).map(endpoint -> URI.create(endpoint + path))
                .orElseGet(() -> URI.create("https://email." + region.id() + ".amazonaws.com" + path));
    }

    /** Where an object is fetched from: the emulator's path-style URL, or the bucket's virtual host on AWS. */
    public URI objectUri(String bucket, String encodedKey) {
        return Endpoints.of(endpoints.s3())
                .map(endpoint -> URI.create(endpoint + "/" + bucket + "/" + encodedKey))
                .orElseGet(() -> URI.create("https://" + bucket + ".s3." + region.id() + ".amazonaws.com/" + encodedKey));
    }
}
