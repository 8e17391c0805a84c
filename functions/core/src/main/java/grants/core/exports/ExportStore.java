package grants.core.exports;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** Where export files are kept (outbound port): the export bucket. */
public interface ExportStore {

    /** Writes an object, replacing any with the same key; encrypted at rest. */
    void put(String key, ExportFile file);

    Optional<byte[]> get(String key);

    /**
     * Writes an object only if none has the key yet, as a record that must never change (a board pack as
     * the board saw it); false when one was there, which is left as it was. By default a look then a put;
     * the bucket makes it one conditional put, so two writers racing cannot both write.
     */
    default boolean putOnce(String key, ExportFile file) {
        if (get(key).isPresent()) {
            return false;
        }
        put(key, file);
        return true;
    }

    /**
     * An object to be written as it is rendered, replacing any with the same key once complete. By
     * default it is kept in memory and put whole; the bucket streams it in parts.
     */
    default StreamedObject open(String key, String contentType) {
        return new StreamedObject() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void complete() {
                put(key, new ExportFile(key.substring(key.lastIndexOf('/') + 1), contentType, bytes.toByteArray(), 0));
            }

            @Override
            public void abort() {
                bytes.reset();
            }
        };
    }
}
