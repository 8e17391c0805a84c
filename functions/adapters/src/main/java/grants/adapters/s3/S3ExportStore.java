package grants.adapters.s3;

import grants.core.exports.ExportFile;
import grants.core.exports.ExportStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** Export files in the export bucket. Encryption at rest is the bucket's default (see template.yaml). */
public final class S3ExportStore implements ExportStore {

    private final S3Client s3;
    private final String bucket;

    public S3ExportStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, ExportFile file) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(file.contentType()),
                RequestBody.fromBytes(file.bytes()));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }
}
