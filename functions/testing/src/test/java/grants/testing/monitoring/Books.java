package grants.testing.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import grants.documents.Json;
import grants.documents.monitoring.MonitoringBook;
import grants.documents.monitoring.MonitoringBookJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The monitoring documents of {@code events/data}, read by the replay's own reader. */
final class Books {

    static final String COVENTRY = "coventry-monitoring.json";

    private Books() {
    }

    static MonitoringBook read(String name) {
        return MonitoringBookJson.read(json(name));
    }

    /** The same document with every list but {@code events} in a random order (M16). */
    static MonitoringBook shuffled(String name, Random random) {
        JsonNode book = json(name);
        shuffle(book, random, "bankHolidays", "people", "organisations", "agreements", "sweepOutages", "paymentRuns");
        shuffle(book.get("settings"), random, "reminders");
        book.get("agreements").forEach(agreement -> shuffle(agreement, random, "instalments", "milestones", "outputs"));
        return MonitoringBookJson.read(book);
    }

    private static void shuffle(JsonNode parent, Random random, String... fields) {
        for (String field : fields) {
            ArrayNode array = (ArrayNode) parent.get(field);
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            Collections.shuffle(items, random);
            array.removeAll();
            array.addAll(items);
        }
    }

    private static JsonNode json(String name) {
        try (InputStream in = Books.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
