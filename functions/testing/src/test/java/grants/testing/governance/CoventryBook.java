package grants.testing.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import grants.documents.Json;
import grants.documents.governance.GovernanceBook;
import grants.documents.governance.GovernanceBookJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The worked example's governance book of {@code events/data}, read by the production reader. */
final class CoventryBook {

    static final String COVENTRY = "coventry-governance.json";

    private CoventryBook() {
    }

    static GovernanceBook read(String name) {
        return GovernanceBookJson.read(json(name));
    }

    /** The same book with every list but {@code events} in a random order (G13). */
    static GovernanceBook shuffled(String name, Random random) {
        JsonNode book = json(name);
        shuffle(book, random, "people", "indicators", "bankHolidays", "sweepOutages", "bodies", "bodyMeetings");
        book.get("bodies").forEach(body -> shuffle(body, random, "members"));
        book.get("bodyMeetings").forEach(meeting -> shuffle(meeting, random, "present"));
        return GovernanceBookJson.read(book);
    }

    private static void shuffle(JsonNode parent, Random random, String... fields) {
        for (String field : fields) {
            List<JsonNode> items = new ArrayList<>();
            parent.get(field).forEach(items::add);
            Collections.shuffle(items, random);
            ((ArrayNode) parent.get(field)).removeAll().addAll(items);
        }
    }

    private static JsonNode json(String name) {
        try (InputStream in = CoventryBook.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
