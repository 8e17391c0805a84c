package grants.localaws;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;

/** LocalStack in Docker via Testcontainers: the same tests against a second, independent emulator. */
final class LocalStackOnDocker implements AwsStack {

    private final LocalStackContainer container;

    private LocalStackOnDocker(LocalStackContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static LocalStackOnDocker start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices("dynamodb", "s3", "ses", "sqs");
        container.start();
        return new LocalStackOnDocker(container);
    }

    @Override
    public String accessKey() {
        return container.getAccessKey();
    }

    @Override
    public String secretKey() {
        return container.getSecretKey();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sesEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public void close() {
        container.stop();
    }
}
