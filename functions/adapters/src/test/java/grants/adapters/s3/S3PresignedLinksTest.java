package grants.adapters.s3;

import grants.adapters.aws.AwsClients;
import grants.core.errors.TooLargeException;
import grants.core.exports.ExportFile;
import grants.core.exports.StreamedObject;
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
    private AwsClients aws;
    private String bucket;

    @BeforeEach
    void bucket() {
        AwsStack stack = TestAwsStack.shared();
        aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        bucket = "uploads-" + Long.toHexString(System.nanoTime());
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

    @Test
    void aNationalSizedExportFileIsSentInPartsWhileItIsWrittenAndAppearsOnlyWhole() throws IOException {
        byte[] file = varied(2 * S3MultipartObject.PART_BYTES + 123_457);
        StreamedObject object = links.open("exports/national/run/360giving.json", "application/json");
        for (int from = 0; from < file.length; from += 65_536) {
            object.write(file, from, Math.min(65_536, file.length - from));
        }

        assertThat(uploadsUnderway()).as("parts already sent while the file is still being written").isEqualTo(1);
        assertThat(links.get("exports/national/run/360giving.json")).as("nothing to read before it is complete").isEmpty();
        object.complete();
        assertThat(links.get("exports/national/run/360giving.json")).hasValue(file);
        assertThat(uploadsUnderway()).isZero();
    }

    @Test
    void anExportFileGivenUpPartWayLeavesNothingBehind() throws IOException {
        StreamedObject object = links.open("exports/national/run/allocations.csv", "text/csv; charset=utf-8");
        object.write(varied(S3MultipartObject.PART_BYTES + 10));

        object.abort();

        assertThat(links.get("exports/national/run/allocations.csv")).isEmpty();
        assertThat(uploadsUnderway()).as("the parts sent are discarded").isZero();
    }

    @Test
    void aSmallExportFileIsOneObject() throws IOException {
        StreamedObject object = links.open("exports/wm/run/manifest.json", "application/json");
        object.write(filled(1_000));
        object.complete();

        assertThat(links.get("exports/wm/run/manifest.json")).hasValue(filled(1_000));
    }

    @Test
    void aFileWrittenOnceIsNeverReplaced() {
        ExportFile first = new ExportFile("board-pack-2008-08-14.html", "text/html; charset=utf-8", filled(2_000), 0);
        ExportFile second = new ExportFile("board-pack-2008-08-14.html", "text/html; charset=utf-8", varied(2_000), 0);

        assertThat(links.putOnce("packs/coventry-laa/board-pack-2008-08-14.html", first)).isTrue();
        assertThat(links.putOnce("packs/coventry-laa/board-pack-2008-08-14.html", second)).as("the key is taken").isFalse();
        assertThat(links.get("packs/coventry-laa/board-pack-2008-08-14.html")).hasValue(filled(2_000));
    }

    private int uploadsUnderway() {
        return aws.s3().listMultipartUploads(request -> request.bucket(bucket)).uploads().size();
    }

    private static byte[] varied(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
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
