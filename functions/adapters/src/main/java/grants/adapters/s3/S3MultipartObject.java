package grants.adapters.s3;

import grants.core.exports.StreamedObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An export file streamed to S3 while it is rendered: bytes gather into parts of {@link #PART_BYTES},
 * each sent by a multipart upload's UploadPart while the next is rendered (one part in flight at a
 * time, so memory stays at two parts); Complete makes the object appear whole, Abort leaves nothing.
 * A file smaller than one part is sent by one PutObject when complete. Every request goes through a
 * presigned link, as the rest of {@link S3PresignedLinks} does, so no S3 client is needed.
 */
final class S3MultipartObject extends StreamedObject {

    /** Above S3's 5 MB least part, and few enough parts for a national programme's largest file. */
    static final int PART_BYTES = 8 * 1024 * 1024;

    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

    private final S3PresignedLinks bucket;
    private final String key;
    private final String contentType;
    private ByteArrayOutputStream part = new ByteArrayOutputStream(PART_BYTES + 64 * 1024);
    private String uploadId;
    private ExecutorService sender;
    private Future<String> inFlight;
    private final List<String> etags = new ArrayList<>();

    S3MultipartObject(S3PresignedLinks bucket, String key, String contentType) {
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        part.write(bytes, offset, length);
        if (part.size() >= PART_BYTES) {
            sendPart();
        }
    }

    @Override
    public void complete() {
        try {
            if (uploadId == null) {
                bucket.putWhole(key, contentType, part.toByteArray());
                return;
            }
            if (part.size() > 0) {
                sendPart();
            }
            awaitInFlight();
            StringBuilder parts = new StringBuilder("<CompleteMultipartUpload>");
            for (int i = 0; i < etags.size(); i++) {
                parts.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i))
                        .append("</ETag></Part>");
            }
            String answer = send("POST", bucket.multipartLink("POST", key, "uploadId", uploadId, null),
                    parts.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8),
                    "application/xml"); // not a form, which a server might read as query parameters
            if (answer.contains("<Error>")) { // S3 may answer 200 and fail in the body
                throw new IllegalStateException("S3 did not complete " + key + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopSender();
        }
    }

    @Override
    public void abort() {
        try {
            if (inFlight != null) {
                inFlight.cancel(true);
            }
            if (uploadId != null) {
                send("DELETE", bucket.multipartLink("DELETE", key, "uploadId", uploadId, null), null, null);
            }
        } catch (IOException | RuntimeException notAborted) {
            // S3 discards an unfinished upload's parts by the bucket's lifecycle rule; nothing was published.
        } finally {
            stopSender();
            part = new ByteArrayOutputStream();
        }
    }

    /** Sends the part gathered, after the one before it has gone: the rendering goes on meanwhile. */
    private void sendPart() throws IOException {
        if (uploadId == null) {
            String answer = send("POST", bucket.multipartLink("POST", key, "uploads", "", null), new byte[0], contentType);
            Matcher id = UPLOAD_ID.matcher(answer);
            if (!id.find()) {
                throw new IllegalStateException("S3 gave no upload id for " + key + ": " + answer);
            }
            uploadId = id.group(1);
            sender = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "export-part-sender");
                thread.setDaemon(true);
                return thread;
            });
        }
        awaitInFlight();
        byte[] bytes = part.toByteArray();
        part.reset();
        int number = etags.size() + 1;
        URI link = bucket.multipartLink("PUT", key, "uploadId", uploadId, number);
        inFlight = sender.submit(() -> sendForETag(link, bytes));
    }

    private void awaitInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            etags.add(inFlight.get());
            inFlight = null;
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException("a part of " + key + " failed",
                    failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending " + key, e);
        }
    }

    private String sendForETag(URI link, byte[] bytes) throws IOException {
        HttpURLConnection connection = open("PUT", link, bytes, null);
        check(connection);
        String etag = connection.getHeaderField("ETag");
        connection.getInputStream().close();
        if (etag == null) {
            throw new IOException("S3 gave no ETag for a part of " + key);
        }
        return etag;
    }

    private String send(String method, URI link, byte[] body, String type) throws IOException {
        HttpURLConnection connection = open(method, link, body, type);
        check(connection);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpURLConnection open(String method, URI link, byte[] body, String type) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) link.toURL().openConnection();
        connection.setRequestMethod(method);
        if (type != null) {
            connection.setRequestProperty("content-type", type);
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        return connection;
    }

    private void check(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        if (status / 100 != 2) {
            String error;
            try (InputStream in = connection.getErrorStream()) {
                error = in == null ? "" : new String(in.readNBytes(2_000), StandardCharsets.UTF_8);
            }
            throw new IOException("S3 answered " + status + " to " + connection.getRequestMethod() + " of " + key + ": " + error);
        }
    }

    private void stopSender() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }
}
