package grants.localaws;

import java.net.URI;

/** AWS services emulated somewhere reachable on loopback: the embedded stack, or LocalStack in Docker. */
public interface AwsStack extends AutoCloseable {

    String ACCESS_KEY = "grantslocal"; // DynamoDB Local accepts letters and digits only
    String SECRET_KEY = "grantslocalsecret";

    /** Static credentials the emulators accept (and S3Proxy checks signatures against). */
    default String accessKey() {
        return ACCESS_KEY;
    }

    default String secretKey() {
        return SECRET_KEY;
    }

    URI dynamoDbEndpoint();

    URI s3Endpoint();

    URI sesEndpoint();

    URI sqsEndpoint();

    @Override
    void close();
}
