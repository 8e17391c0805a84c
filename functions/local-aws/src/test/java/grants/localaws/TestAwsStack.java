package grants.localaws;

import org.junit.jupiter.api.Assumptions;

/**
 * The AWS stack of the integration tests, one per test JVM: the embedded stack by default, or
 * LocalStack in Docker with {@code -Daws.stack=localstack} (skipped where no Docker engine runs).
 */
public final class TestAwsStack {

    private static AwsStack shared;

    private TestAwsStack() {
    }

    public static synchronized AwsStack shared() {
        if (shared == null) {
            shared = start(System.getProperty("aws.stack", "embedded"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static AwsStack start(String kind) {
        return switch (kind) {
            case "embedded" -> LocalAwsStack.inMemory();
            case "localstack" -> {
                Assumptions.assumeTrue(LocalStackOnDocker.dockerAvailable(),
                        "-Daws.stack=localstack needs a Docker engine, and none answers here");
                yield LocalStackOnDocker.start();
            }
            default -> throw new IllegalArgumentException("aws.stack must be embedded or localstack, got " + kind);
        };
    }

    /** A table name of its own for each test class, so tests sharing the stack never see each other's items. */
    public static String uniqueTableName(Class<?> testClass) {
        return "grants-" + testClass.getSimpleName() + "-" + Long.toHexString(System.nanoTime());
    }
}
