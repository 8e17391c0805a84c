package grants.core.exports;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Passes a file's bytes on while counting them and taking their SHA-256, for the manifest; and
 * stops the rendering as soon as another file of the same export has failed.
 */
final class HashingOutput extends FilterOutputStream {

    private final MessageDigest digest;
    private final BooleanSupplier givenUp;
    private long count;

    HashingOutput(OutputStream out, BooleanSupplier givenUp) {
        super(out);
        this.givenUp = givenUp;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (givenUp.getAsBoolean()) {
            throw new IOException("another file of this export failed; this one is given up");
        }
        digest.update(bytes, offset, length);
        count += length;
        out.write(bytes, offset, length);
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
