package grants.localaws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded local AWS stack: DynamoDB Local, S3Proxy and aws-ses-v2-local, every one bound to
 * 127.0.0.1, with telemetry off and static credentials, so nothing leaves the machine. DynamoDB
 * starts at once; S3 and SES start the first time they are asked for.
 */
public final class LocalAwsStack implements AwsStack {

    private final Optional<Path> stateDirectory;
    private final LocalDynamoDb dynamoDb;
    private LocalS3 s3;
    private LocalSes ses;

    private LocalAwsStack(Optional<Path> stateDirectory, LocalDynamoDb dynamoDb) {
        this.stateDirectory = stateDirectory;
        this.dynamoDb = dynamoDb;
    }

    /** Everything in memory: gone when the stack closes (tests). */
    public static LocalAwsStack inMemory() {
        return start(Optional.empty());
    }

    /** Tables and objects kept under {@code stateDirectory}, so later runs see them (the local runner). */
    public static LocalAwsStack persistent(Path stateDirectory) {
        return start(Optional.of(stateDirectory.toAbsolutePath()));
    }

    private static LocalAwsStack start(Optional<Path> stateDirectory) {
        try {
            Optional<Path> dynamoDbData = stateDirectory.map(dir -> dir.resolve("dynamodb"));
            if (dynamoDbData.isPresent()) {
                java.nio.file.Files.createDirectories(dynamoDbData.get());
            }
            return new LocalAwsStack(stateDirectory, LocalDynamoDb.start(dynamoDbData));
        } catch (Exception e) {
            throw new IllegalStateException("the local DynamoDB could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    public synchronized URI s3Endpoint() {
        if (s3 == null) {
            try {
                s3 = LocalS3.start(stateDirectory.map(dir -> dir.resolve("s3")));
            } catch (Exception e) {
                throw new IllegalStateException("the local S3 could not start: " + e.getMessage(), e);
            }
        }
        return s3.endpoint();
    }

    @Override
    public synchronized URI sesEndpoint() {
        if (ses == null) {
            try {
                ses = LocalSes.start(LocalSes.defaultInstallDirectory());
            } catch (Exception e) {
                throw new IllegalStateException("the local SES could not start: " + e.getMessage(), e);
            }
        }
        return ses.endpoint();
    }

    @Override
    public synchronized void close() {
        if (ses != null) {
            ses.close();
        }
        if (s3 != null) {
            s3.close();
        }
        dynamoDb.close();
    }
}
