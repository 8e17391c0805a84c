package grants.adapters.s3;

import grants.adapters.aws.AwsClients;
import grants.core.errors.NotFoundException;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportStore;
import grants.core.exports.StreamedObject;
import grants.core.errors.TooLargeException;
import grants.core.exports.ExportLinks;
import grants.core.run.UploadStore;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Presigned S3 GET and PUT URLs made with the SDK's SigV4 signer alone, and objects read and written
 * through them, so a function that only hands out links, or writes a few files, needs no S3 client
 * in its jar (the S3 SDK module is a third of a function's jar). With a Lambda role's temporary
 * credentials a link stops working when those credentials expire, whatever its own expiry.
 * Encryption at rest is the bucket's default (see template.yaml).
 */
public final class S3PresignedLinks implements ExportLinks, UploadStore, ExportStore {

    /** How long the links this class makes for its own reads and writes stay good. */
    private static final Duration OWN_USE = Duration.ofMinutes(5);

    private final AwsClients aws;
    private final String bucket;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public S3PresignedLinks(AwsClients aws, String bucket) {
        this.aws = aws;
        this.bucket = bucket;
    }

    @Override
    public URI link(String key, Duration expiry) {
        return presign(SdkHttpMethod.GET, key, expiry);
    }

    @Override
    public URI uploadLink(String key, Duration expiry) {
        return presign(SdkHttpMethod.PUT, key, expiry);
    }

    /** Reads an object through a link made for the purpose, so reading needs no S3 client either. */
    @Override
    public byte[] read(String key, long maxBytes) {
        try {
            HttpURLConnection connection = (HttpURLConnection) link(key, OWN_USE).toURL().openConnection();
            if (connection.getResponseCode() == 404) {
                throw new NotFoundException("Nothing was uploaded as \"" + key + "\" (or the upload expired).");
            }
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("S3 answered " + connection.getResponseCode() + " for " + key);
            }
            long length = connection.getContentLengthLong();
            if (length > maxBytes) {
                connection.disconnect();
                throw tooLarge(key, length, maxBytes);
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw tooLarge(key, bytes.length, maxBytes);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, ExportFile file) {
        putWhole(key, file.contentType(), file.bytes());
    }

    /** Streamed in parts by a multipart upload as it is written; see {@link S3MultipartObject}. */
    @Override
    public StreamedObject open(String key, String contentType) {
        return new S3MultipartObject(this, key, contentType);
    }

    void putWhole(String key, String contentType, byte[] bytes) {
        int status = send(key, contentType, bytes, false);
        if (status != 200) {
            throw new IllegalStateException("S3 answered " + status + " writing " + key);
        }
    }

    /**
     * A put with {@code If-None-Match: *}: S3 answers 412 when the key is taken and keeps what it has, so
     * of two writers racing only one writes.
     */
    @Override
    public boolean putOnce(String key, ExportFile file) {
        int status = send(key, file.contentType(), file.bytes(), true);
        if (status != 200 && status != 412) {
            throw new IllegalStateException("S3 answered " + status + " writing " + key + " once");
        }
        return status == 200;
    }

    private int send(String key, String contentType, byte[] bytes, boolean onlyIfAbsent) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uploadLink(key, OWN_USE).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setRequestProperty("content-type", contentType);
            if (onlyIfAbsent) {
                connection.setRequestProperty("if-none-match", "*");
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            return connection.getResponseCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A link for one request of a multipart upload: POST {@code ?uploads} starts it, PUT
     * {@code ?partNumber=N&uploadId=…} sends a part, POST {@code ?uploadId=…} completes it and DELETE aborts it.
     */
    URI multipartLink(String method, String key, String parameter, String value, Integer partNumber) {
        String action = method.equals("DELETE") ? "s3:AbortMultipartUpload" : "s3:PutObject";
        aws.hook().ifPresent(hook -> hook.objectRequest(action, bucket, key));
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(aws.objectUri(bucket, SdkHttpUtils.urlEncodeIgnoreSlashes(key)))
                .putRawQueryParameter(parameter, value);
        if (partNumber != null) {
            request.putRawQueryParameter("partNumber", partNumber.toString());
        }
        return sign(request.build(), OWN_USE);
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(read(key, Integer.MAX_VALUE - 8));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private static TooLargeException tooLarge(String key, long length, long maxBytes) {
        return new TooLargeException("The upload " + key + " is " + (length / 1024 / 1024) + " MB or more; the most a document"
                + " may be is " + (maxBytes / 1024 / 1024) + " MB. Nothing was read or stored.");
    }

    private URI presign(SdkHttpMethod method, String key, Duration expiry) {
        aws.hook().ifPresent(hook -> hook.objectRequest(method == SdkHttpMethod.PUT ? "s3:PutObject" : "s3:GetObject",
                bucket, key));
        return sign(SdkHttpRequest.builder()
                .method(method)
                .uri(aws.objectUri(bucket, SdkHttpUtils.urlEncodeIgnoreSlashes(key)))
                .build(), expiry);
    }

    private URI sign(SdkHttpRequest request, Duration expiry) {
        return signer.sign(r -> r.identity(aws.credentials().resolveCredentials())
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, aws.region().id())
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
                .request().getUri();
    }
}
