package grants.core.exports;

import java.io.OutputStream;

/**
 * An object of the bucket written while it is rendered: nothing is under its key until
 * {@link #complete()}, and {@link #abort()} leaves nothing, so a failure part-way never leaves part
 * of a file where a reader would find it.
 */
public abstract class StreamedObject extends OutputStream {

    /** Makes the bytes written so far the object's whole content. */
    public abstract void complete();

    /** Gives up: whatever was sent is discarded. Safe to call after a failure of any kind. */
    public abstract void abort();
}
