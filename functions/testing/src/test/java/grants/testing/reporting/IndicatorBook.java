package grants.testing.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Theme;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * A register document of {@code events/data} read into the core's types, as far as the tests need it
 * (the reader that names every bad field is for the replay, not built yet). Actuals and narratives
 * stay entries: each test plays them through what it tests.
 */
record IndicatorBook(String registerId, String note, List<Theme> themes, List<Outcome> outcomes, List<Person> people,
                     List<Indicator> indicators, List<Actual> actuals, List<Story> narratives, List<Meeting> meetings) {

    static final String COVENTRY = "coventry-indicators.json";

    /** An actual as the document lists it: recorded by someone on a day, perhaps to be refused. */
    record Actual(String indicator, String period, Figure figure, Observation.Finality finality, String recordedBy,
                  LocalDate recordedOn, String revisionReason) {
    }

    /** A narrative as the document lists it. */
    record Story(String indicator, String period, String achieved, String next, String by, LocalDate on) {
    }

    static IndicatorBook read(String name) {
        return of(json(name));
    }

    /**
     * The same document with its lists in a random order (P12), except the themes (their order is the
     * register's) and the actuals of one indicator's quarter (their order is the order recorded).
     */
    static IndicatorBook shuffled(String name, Random random) {
        JsonNode book = json(name);
        for (String field : List.of("outcomes", "people", "indicators", "narratives", "meetings")) {
            shuffle((ArrayNode) book.get(field), random);
        }
        book.get("indicators").forEach(i -> shuffle((ArrayNode) i.get("targets"), random));
        // actuals: shuffle the quarters' groups, keeping each group's own order
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        book.get("actuals").forEach(a -> groups.computeIfAbsent(a.get("indicator").asText() + "|"
                + a.get("period").asText(), k -> new ArrayList<>()).add(a));
        List<List<JsonNode>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, random);
        List<JsonNode> actuals = new ArrayList<>();
        List<Integer> heads = new ArrayList<>(Collections.nCopies(order.size(), 0));
        while (actuals.size() < book.get("actuals").size()) { // interleave the groups at random, each in its order
            int group = random.nextInt(order.size());
            if (heads.get(group) < order.get(group).size()) {
                actuals.add(order.get(group).get(heads.get(group)));
                heads.set(group, heads.get(group) + 1);
            }
        }
        ((ArrayNode) book.get("actuals")).removeAll().addAll(actuals);
        return of(book);
    }

    private static void shuffle(ArrayNode array, Random random) {
        List<JsonNode> items = each(array);
        Collections.shuffle(items, random);
        array.removeAll();
        array.addAll(items);
    }

    private static JsonNode json(String name) {
        try (InputStream in = IndicatorBook.class.getResourceAsStream("/data/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndicatorBook of(JsonNode book) {
        return new IndicatorBook(book.get("registerId").asText(), book.path("note").asText(null),
                each(book.get("themes")).stream().map(t -> new Theme(t.get("id").asText(), t.get("title").asText())).toList(),
                each(book.get("outcomes")).stream().map(o -> new Outcome(o.get("id").asText(), o.get("title").asText(),
                        o.get("theme").asText())).toList(),
                each(book.get("people")).stream().map(p -> new Person(p.get("id").asText(), p.get("name").asText(),
                        p.get("email").asText(), Person.Kind.valueOf(p.get("role").asText()))).toList(),
                each(book.get("indicators")).stream().map(IndicatorBook::indicator).toList(),
                each(book.get("actuals")).stream().map(a -> new Actual(a.get("indicator").asText(),
                        a.get("period").asText(), a.has("value") ? Figure.of(a.get("value").asText())
                        : Figure.ratio(a.get("numerator").asText(), a.get("denominator").asText()),
                        Observation.Finality.valueOf(a.get("status").asText()), a.get("recordedBy").asText(),
                        LocalDate.parse(a.get("recordedOn").asText()), a.path("revisionReason").asText(null))).toList(),
                each(book.get("narratives")).stream().map(n -> new Story(n.get("indicator").asText(),
                        n.get("period").asText(), n.get("achieved").asText(), n.get("next").asText(),
                        n.get("by").asText(), LocalDate.parse(n.get("on").asText()))).toList(),
                each(book.get("meetings")).stream().map(m -> new Meeting(LocalDate.parse(m.get("date").asText()),
                        Period.parse(m.get("reviews").asText()))).toList());
    }

    private static Indicator indicator(JsonNode i) {
        Map<String, BigDecimal> targets = new TreeMap<>();
        i.get("targets").forEach(t -> targets.put(t.get("year").asText(), new BigDecimal(t.get("value").asText())));
        return new Indicator(i.get("id").asText(), i.get("reference").asText(), i.get("title").asText(),
                i.get("outcome").asText(), i.get("owner").asText(),
                Indicator.Polarity.valueOf(i.get("polarity").asText()), Indicator.Measure.valueOf(i.get("measure").asText()),
                Indicator.Accumulation.valueOf(i.get("accumulation").asText()), i.get("decimals").asInt(),
                i.get("unit").asText(), new Indicator.Baseline(Period.parse(i.get("baseline").get("period").asText()),
                new BigDecimal(i.get("baseline").get("value").asText())), new TreeMap<>(targets),
                new BigDecimal(i.get("tolerance").asText()),
                each(i.get("contributions")).stream().map(JsonNode::asText).toList());
    }

    private static List<JsonNode> each(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
