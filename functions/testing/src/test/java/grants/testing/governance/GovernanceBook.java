package grants.testing.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import grants.core.governance.Body;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * A governance book of {@code events/data} read into the core's types, as far as the tests need it
 * (the strict reader, naming every bad field, comes with the replay). The events stay JSON: the
 * replay drives each through the use case its type names.
 */
record GovernanceBook(String registerId, GovernanceSettings settings, List<LocalDate> bankHolidays,
                      Set<LocalDate> sweepOutages, Map<String, Optional<String>> organisations, Set<String> managers,
                      Map<String, String> indicatorOwners, List<Body> bodies, List<Meeting> meetings,
                      List<JsonNode> events, LocalDate asOf) {

    static final String COVENTRY = "coventry-governance.json";

    static GovernanceBook read(String name) {
        return of(json(name));
    }

    /** The same book with every list but {@code events} in a random order (G13). */
    static GovernanceBook shuffled(String name, Random random) {
        JsonNode book = json(name);
        shuffle(book, random, "people", "indicators", "bankHolidays", "sweepOutages", "bodies", "bodyMeetings");
        book.get("bodies").forEach(body -> shuffle(body, random, "members"));
        book.get("bodyMeetings").forEach(meeting -> shuffle(meeting, random, "present"));
        return of(book);
    }

    private static void shuffle(JsonNode parent, Random random, String... fields) {
        for (String field : fields) {
            List<JsonNode> items = each(parent.get(field));
            Collections.shuffle(items, random);
            ((ArrayNode) parent.get(field)).removeAll().addAll(items);
        }
    }

    private static JsonNode json(String name) {
        try (InputStream in = GovernanceBook.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GovernanceBook of(JsonNode book) {
        Map<String, Optional<String>> organisations = new TreeMap<>();
        Set<String> managers = new TreeSet<>();
        for (JsonNode person : each(book.get("people"))) {
            organisations.put(text(person, "id"), Optional.ofNullable(person.get("organisation")).map(JsonNode::asText));
            if ("MANAGER".equals(text(person, "role"))) {
                managers.add(text(person, "id"));
            }
        }
        Map<String, String> owners = new TreeMap<>();
        each(book.get("indicators")).forEach(i -> owners.put(text(i, "id"), text(i, "owner")));
        List<Body> bodies = each(book.get("bodies")).stream().map(b -> new Body(text(b, "id"), text(b, "name"),
                Body.Kind.valueOf(text(b, "kind")), Optional.ofNullable(b.get("theme")).map(JsonNode::asText),
                b.get("decisionMaking").asBoolean(), b.get("quorum").asInt(),
                each(b.get("members")).stream().map(m -> new Body.Member(text(m, "person"),
                        Body.Role.valueOf(text(m, "role")), organisations.get(text(m, "person")))).toList())).toList();
        List<Meeting> meetings = each(book.get("bodyMeetings")).stream().map(m -> new Meeting(text(m, "body"),
                date(m.get("date")), strings(m.get("present")))).toList();
        JsonNode settings = book.get("settings");
        return new GovernanceBook(text(book, "registerId"), new GovernanceSettings(
                settings.get("escalationWorkingDays").asInt(), settings.get("responseDueWorkingDays").asInt()),
                dates(book.get("bankHolidays")), new TreeSet<>(dates(book.get("sweepOutages"))), organisations,
                managers, owners, bodies, meetings, each(book.get("events")), date(book.get("asOf")));
    }

    static String text(JsonNode node, String field) {
        return node.get(field).asText();
    }

    static Optional<String> optional(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText);
    }

    static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asText());
    }

    static List<String> strings(JsonNode array) {
        return each(array).stream().map(JsonNode::asText).toList();
    }

    private static List<LocalDate> dates(JsonNode array) {
        return each(array).stream().map(GovernanceBook::date).toList();
    }

    static List<JsonNode> each(JsonNode array) {
        return array == null ? new ArrayList<>() : new ArrayList<>(StreamSupport.stream(array.spliterator(), false)
                .toList());
    }
}
