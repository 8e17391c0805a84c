package grants.core.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Files rendered in one pass over the run, each into its own stream: what their lines share (a
 * grant's fields, say) is worked out once for all of them. A single file is a pass of one.
 */
public record OnePass(List<Target> files, Body body) {

    public OnePass {
        files = List.copyOf(files);
    }

    /** One file of the pass: its name and content type. */
    public record Target(String name, String contentType) {
    }

    /** Writes every file's bytes, each to the stream in the same place as its target, and answers their data rows. */
    @FunctionalInterface
    public interface Body {
        int[] writeTo(List<? extends OutputStream> outs) throws IOException;
    }

    /** A file rendered on its own. */
    public static OnePass of(FileRendering file) {
        return new OnePass(List.of(new Target(file.name(), file.contentType())),
                outs -> new int[] {file.body().writeTo(outs.get(0))});
    }
}
