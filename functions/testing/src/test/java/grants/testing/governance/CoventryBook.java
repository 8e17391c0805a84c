package grants.testing.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.governance.GovernanceBook;
import grants.documents.governance.GovernanceBookJson;

import java.util.Random;

import static grants.testing.ExampleBooks.json;
import static grants.testing.ExampleBooks.shuffle;

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
}
