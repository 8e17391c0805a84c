package grants.adapters.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds SDK clients with everything explicit: region, credentials, HTTP client and, for
 * emulators, the endpoint. Nothing is left to the SDK's default chains, so a client never
 * looks up instance metadata or a profile file, and cold starts stay short.
 *
 * @param endpoints where each service is, for emulators; empty for the real services of the region
 */
public record AwsClients(Region region, AwsCredentialsProvider credentials, Endpoints endpoints) {

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
        String region = System.getenv("AWS_REGION");
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

    /** For emulators on loopback: any static credentials will do, but they must be given. */
    public static AwsClients local(Endpoints endpoints, String accessKey, String secretKey) {
        return new AwsClients(Region.EU_WEST_2,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)), endpoints);
    }

    public boolean isEmulated() {
        return endpoints != Endpoints.AWS;
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        Endpoints.of(endpoints.dynamoDb()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The table streams API, for the local runner, which plays Lambda's part in reading a stream. */
    public DynamoDbStreamsClient dynamoDbStreams() {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        Endpoints.of(endpoints.dynamoDb()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        // Emulators serve buckets by path, not by host name.
        Endpoints.of(endpoints.s3()).ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    public SesV2Client ses() {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        Endpoints.of(endpoints.ses()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SqsClient sqs() {
        SqsClientBuilder builder = SqsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        Endpoints.of(endpoints.sqs()).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Where an object is fetched from: the emulator's path-style URL, or the bucket's virtual host on AWS. */
    public URI objectUri(String bucket, String encodedKey) {
        return Endpoints.of(endpoints.s3())
                .map(endpoint -> URI.create(endpoint + "/" + bucket + "/" + encodedKey))
                .orElseGet(() -> URI.create("https://" + bucket + ".s3." + region.id() + ".amazonaws.com/" + encodedKey));
    }
}
