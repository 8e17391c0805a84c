package grants.adapters.s3;

import grants.adapters.aws.AwsClients;
import grants.core.errors.TooLargeException;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads through a presigned link on the local S3: what is too large is refused before it is read. */
class S3PresignedLinksTest {

    private S3PresignedLinks links;

    @BeforeEach
    void bucket() {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String bucket = "uploads-" + Long.toHexString(System.nanoTime());
        aws.s3().createBucket(request -> request.bucket(bucket));
        links = new S3PresignedLinks(aws, bucket);
    }

    @Test
    void anUploadWithinTheLimitReadsBackWhole() throws IOException {
        byte[] document = filled(2_000);
        upload("uploads/wm/a.json", document);
        assertThat(links.read("uploads/wm/a.json", 2_000)).isEqualTo(document);
    }

    @Test
    void anUploadOverTheLimitIsRefusedNamingTheLimit() throws IOException {
        upload("uploads/wm/b.json", filled(3 * 1024 * 1024));
        assertThatThrownBy(() -> links.read("uploads/wm/b.json", 2 * 1024 * 1024))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("the most a document may be is 2 MB");
    }

    private void upload(String key, byte[] bytes) throws IOException {
        HttpURLConnection put = (HttpURLConnection) links.uploadLink(key, Duration.ofMinutes(5)).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        try (OutputStream out = put.getOutputStream()) {
            out.write(bytes);
        }
        assertThat(put.getResponseCode()).isEqualTo(200);
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
