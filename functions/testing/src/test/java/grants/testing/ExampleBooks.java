package grants.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The worked examples of {@code events/data} as JSON, and their lists shuffled (what G13 and M16 say must not matter). */
public final class ExampleBooks {

    private ExampleBooks() {
    }

    public static JsonNode json(String name) {
        try (InputStream in = ExampleBooks.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each of {@code fields} of {@code parent} (arrays) put in a random order. */
    public static void shuffle(JsonNode parent, Random random, String... fields) {
        for (String field : fields) {
            ArrayNode array = (ArrayNode) parent.get(field);
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            Collections.shuffle(items, random);
            array.removeAll();
            array.addAll(items);
        }
    }
}
