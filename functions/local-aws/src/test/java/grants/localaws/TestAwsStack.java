package grants.localaws;

import org.junit.jupiter.api.Assumptions;

/**
 * The AWS stack of the integration tests, one per test JVM: the embedded stack by default, or
 * LocalStack in Docker with {@code -Daws.stack=localstack} (skipped where no Docker engine runs).
 */
public final class TestAwsStack {

    private static AwsStack shared;
    private static String unavailable;

    private TestAwsStack() {
    }

    /** The stack; a test calling it where the chosen stack cannot run is skipped, not failed. */
    public static synchronized AwsStack shared() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
        if (shared == null) {
            String kind = System.getProperty("aws.stack", "embedded");
            if (kind.equals("localstack") && !LocalStackOnDocker.dockerAvailable()) {
                unavailable = "-Daws.stack=localstack needs a Docker engine, and none answers here";
                Assumptions.abort(unavailable);
            }
            shared = start(kind);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static AwsStack start(String kind) {
        return switch (kind) {
            case "embedded" -> LocalAwsStack.inMemory();
            case "localstack" -> LocalStackOnDocker.start();
            default -> throw new IllegalArgumentException("aws.stack must be embedded or localstack, got " + kind);
        };
    }

    /** A table name of its own for each test class, so tests sharing the stack never see each other's items. */
    public static String uniqueTableName(Class<?> testClass) {
        return "grants-" + testClass.getSimpleName() + "-" + Long.toHexString(System.nanoTime());
    }
}
