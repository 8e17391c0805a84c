package grants.localaws;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded local AWS stack: DynamoDB Local, S3Proxy, aws-ses-v2-local and ElasticMQ (SQS),
 * every one bound to 127.0.0.1, with telemetry off and static credentials, so nothing leaves the
 * machine. DynamoDB starts at once; the others start the first time they are asked for.
 */
public final class LocalAwsStack implements AwsStack {

    private final Optional<Path> stateDirectory;
    private final LocalDynamoDb dynamoDb;
    private LocalS3 s3;
    private LocalSes ses;
    private SQSRestServer sqs;

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
                ses = LocalSes.borrow(LocalSes.defaultInstallDirectory());
            } catch (Exception e) {
                throw new IllegalStateException("the local SES could not start: " + e.getMessage(), e);
            }
        }
        return ses.endpoint();
    }

    /** In memory only: queues are transient, and whatever is queued is worked off within one command. */
    @Override
    public synchronized URI sqsEndpoint() {
        if (sqs == null) {
            sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        }
        return URI.create("http://127.0.0.1:" + sqs.waitUntilStarted().localAddress().getPort());
    }

    @Override
    public synchronized void close() {
        if (sqs != null) {
            sqs.stopAndWait();
        }
        if (ses != null) {
            LocalSes.giveBack(ses);
        }
        if (s3 != null) {
            s3.close();
        }
        dynamoDb.close();
    }
}
