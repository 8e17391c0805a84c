package grants.core.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Mustache templates kept as resources: HTML ones escape every value, text ones none. */
public final class Templates {

    private Templates() {
    }

    public static Template html(String resource) {
        return Mustache.compiler().escapeHTML(true).compile(read(resource));
    }

    public static Template text(String resource) {
        return Mustache.compiler().escapeHTML(false).compile(read(resource));
    }

    private static String read(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
