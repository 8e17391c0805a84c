package grants.testing;

import grants.core.errors.NotFoundException;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportLinks;
import grants.core.exports.ExportStore;
import grants.core.run.UploadStore;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export bucket in memory: {@link ExportStore}, {@link ExportLinks} and {@link UploadStore}.
 * Links are {@code memory:} URIs naming the key; {@link #upload} plays the client's PUT.
 */
public final class InMemoryBucket implements ExportStore, ExportLinks, UploadStore {

    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    @Override
    public synchronized void put(String key, ExportFile file) {
        objects.put(key, file.bytes().clone());
        writes.add(key);
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public URI link(String key, Duration expiry) {
        return URI.create("memory:" + key + "?expires=" + expiry.toSeconds());
    }

    @Override
    public URI uploadLink(String key, Duration expiry) {
        return link(key, expiry);
    }

    @Override
    public synchronized byte[] read(String key, long maxBytes) {
        byte[] bytes = get(key).orElseThrow(() -> new NotFoundException("Nothing was uploaded as \"" + key + "\"."));
        if (bytes.length > maxBytes) {
            throw new grants.core.errors.TooLargeException("The upload " + key + " is larger than " + maxBytes + " bytes.");
        }
        return bytes;
    }

    /** What a client does with an upload link. */
    public synchronized void upload(URI link, byte[] document) {
        String key = link.getSchemeSpecificPart().replaceFirst("\\?.*$", "");
        objects.put(key, document.clone());
    }

    /** Every key written, in order. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }
}
