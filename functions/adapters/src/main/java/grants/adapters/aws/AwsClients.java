package grants.adapters.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.util.Optional;

/**
 * Builds SDK clients with everything explicit: region, credentials, HTTP client and, for
 * emulators, the endpoint. Nothing is left to the SDK's default chains, so a client never
 * looks up instance metadata or a profile file, and cold starts stay short.
 *
 * @param dynamoDbEndpoint empty for the real service of the region
 */
public record AwsClients(Region region, AwsCredentialsProvider credentials, Optional<URI> dynamoDbEndpoint) {

    /** In Lambda: the region and the role's credentials are in the environment. */
    public static AwsClients fromEnvironment() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return new AwsClients(Region.of(region), EnvironmentVariableCredentialsProvider.create(), Optional.empty());
    }

    /** For emulators on loopback: any static credentials will do, but they must be given. */
    public static AwsClients local(URI dynamoDbEndpoint, String accessKey, String secretKey) {
        return new AwsClients(Region.EU_WEST_2,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)),
                Optional.of(dynamoDbEndpoint));
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        dynamoDbEndpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
