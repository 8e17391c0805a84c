package grants.testing.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.calendar.WorkingDays;
import grants.core.money.Money;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Participant;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * A monitoring document of {@code events/data} read into the core's types, as far as the tests need
 * it (the document reader with every bad field named is for the replay, not built yet). The events
 * stay JSON: each test drives them through what it tests.
 */
record MonitoringBook(String bookId, MonitoringSettings settings, WorkingDays calendar,
                      Map<String, Participant> people, Map<String, String> emails, List<Agreement> agreements,
                      Set<LocalDate> sweepOutages, Set<LocalDate> paymentRuns, List<JsonNode> events, LocalDate asOf) {

    static final String COVENTRY = "coventry-monitoring.json";

    static MonitoringBook read(String name) {
        return of(json(name));
    }

    /** The same document with every list but {@code events} in a random order (M16). */
    static MonitoringBook shuffled(String name, java.util.Random random) {
        JsonNode book = json(name);
        shuffle(book, random, "bankHolidays", "people", "organisations", "agreements", "sweepOutages", "paymentRuns");
        shuffle(book.get("settings"), random, "reminders");
        book.get("agreements").forEach(agreement -> shuffle(agreement, random, "instalments", "milestones", "outputs"));
        return of(book);
    }

    private static void shuffle(JsonNode parent, java.util.Random random, String... fields) {
        for (String field : fields) {
            List<JsonNode> items = each(parent.get(field));
            java.util.Collections.shuffle(items, random);
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) parent.get(field);
            array.removeAll();
            array.addAll(items);
        }
    }

    private static JsonNode json(String name) {
        try (InputStream in = MonitoringBook.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MonitoringBook of(JsonNode book) {
        JsonNode s = book.get("settings");
        MonitoringSettings settings = new MonitoringSettings(s.get("returnDueWorkingDays").asInt(),
                s.get("finalReturnDueWorkingDays").asInt(), s.get("holdGraceWorkingDays").asInt(),
                s.get("holdAcrossAgreements").asBoolean(), s.get("retainFinalInstalment").asBoolean(),
                each(s.get("reminders")).stream().map(r -> new MonitoringSettings.ReminderRule(r.get("id").asText(),
                        r.get("offsetWorkingDays").asInt(),
                        MonitoringSettings.Audience.valueOf(r.get("audience").asText()))).toList());
        Map<String, Participant> people = new TreeMap<>();
        Map<String, String> emails = new TreeMap<>();
        for (JsonNode person : each(book.get("people"))) {
            String id = person.get("id").asText();
            people.put(id, new Participant(id, Participant.Kind.valueOf(person.get("role").asText()),
                    Optional.ofNullable(person.get("organisation")).map(JsonNode::asText)));
            emails.put(id, person.get("email").asText());
        }
        List<Agreement> agreements = each(book.get("agreements")).stream()
                .map(a -> agreement(a, book.get("bookId").asText())).toList();
        return new MonitoringBook(book.get("bookId").asText(), settings,
                new WorkingDays(dates(book.get("bankHolidays"))), people, emails, agreements,
                new TreeSet<>(dates(book.get("sweepOutages"))), new TreeSet<>(dates(book.get("paymentRuns"))),
                each(book.get("events")), LocalDate.parse(book.get("asOf").asText()));
    }

    private static Agreement agreement(JsonNode a, String trail) {
        return new Agreement(a.get("id").asText(), Agreement.Source.valueOf(a.get("source").asText()), trail,
                a.get("organisation").asText(), a.get("officer").asText(), date(a.get("start")), date(a.get("end")),
                each(a.get("instalments")).stream().map(i -> new Agreement.Instalment(i.get("n").asInt(),
                        date(i.get("due")), Money.parsePence(i.get("amount").asText()))).toList(),
                each(a.get("milestones")).stream().map(m -> new Agreement.Milestone(m.get("id").asText(),
                        date(m.get("due")), m.get("description").asText(),
                        new TreeSet<>(each(m.get("gates")).stream().map(JsonNode::asInt).toList()))).toList(),
                each(a.get("outputs")).stream().map(o -> new Agreement.Output(o.get("measure").asText(),
                        o.get("annualTarget").asLong())).toList());
    }

    /** The lead contacts of an organisation, by person id. */
    List<String> leadContactsOf(String organisation) {
        return people.values().stream().filter(p -> p.organisation().filter(organisation::equals).isPresent())
                .map(Participant::id).toList();
    }

    static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asText());
    }

    private static List<LocalDate> dates(JsonNode array) {
        return each(array).stream().map(MonitoringBook::date).toList();
    }

    private static List<JsonNode> each(JsonNode array) {
        return array == null ? List.of() : new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
