package grants.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The programme documents of {@code events/data}, as tests read them. */
public final class Fixtures {

    public static final String WEST_MIDLANDS = "west-midlands-2007-08.json";
    public static final String WARWICKSHIRE_WITHDRAWN = "west-midlands-warwickshire-withdrawn.json";

    private Fixtures() {
    }

    public static ObjectNode document(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Programme programme(String name) {
        return ProgrammeJson.read(document(name));
    }
}
