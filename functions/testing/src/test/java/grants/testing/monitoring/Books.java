package grants.testing.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.monitoring.MonitoringBook;
import grants.documents.monitoring.MonitoringBookJson;

import java.util.Random;

import static grants.testing.ExampleBooks.json;
import static grants.testing.ExampleBooks.shuffle;

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
}
