package grants.localaws;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** S3Proxy on 127.0.0.1, checking AWS v4 signatures with the stack's credentials. */
final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /** @param dataDirectory where objects persist between runs; empty keeps them in memory */
    static LocalS3 start(Optional<Path> dataDirectory) throws Exception {
        S3Proxy.Builder builder = S3Proxy.builder()
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, AwsStack.ACCESS_KEY, AwsStack.SECRET_KEY);
        if (dataDirectory.isPresent()) {
            Files.createDirectories(dataDirectory.get());
            builder.blobStore(new FilesystemNio2BlobStore(dataDirectory.get().toString()));
        } else {
            builder.blobStore(new TransientNio2BlobStore());
        }
        S3Proxy proxy = builder.build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return new LocalS3(proxy);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
