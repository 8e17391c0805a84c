package grants.adapters.dynamodb;

import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Narrative;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Register;
import grants.core.reporting.Theme;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Performance reporting's records to and from their items: the register's whole record, and each
 * figure and narrative beside it. Native attributes only (lists and maps, never a JSON string).
 * Decimals (figures, baselines, targets, tolerances) are kept as the text they were given, so
 * {@code 12.50} reads back as {@code 12.50}, never through a binary number. A quarter is its
 * own text ({@code 2008-09 Q1}); an absent value (no email, no revision reason) has no attribute.
 */
final class ReportingItems {

    static final int SCHEMA_VERSION = 1;
    private static final String OWNER_REMINDER_WORKING_DAYS = "ownerReminderWorkingDays";
    static final String VERSION = "version";

    private ReportingItems() {
    }

    // ---- the register ----

    static Map<String, AttributeValue> register(Register register) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.register(register.registerId()), Keys.REGISTER_ITEM,
                SCHEMA_VERSION);
        item.put("registerId", s(register.registerId()));
        optionalText(item, "note", register.note());
        item.put("themes", listOf(register.themes(), theme -> AttributeValue.fromM(Map.of("id", s(theme.id()),
                "title", s(theme.title())))));
        item.put("outcomes", listOf(register.outcomes(), outcome -> AttributeValue.fromM(Map.of("id", s(outcome.id()),
                "title", s(outcome.title()), "theme", s(outcome.theme())))));
        item.put("people", listOf(register.people(), ReportingItems::person));
        item.put("indicators", listOf(register.indicators(), ReportingItems::indicator));
        item.put("meetings", listOf(register.meetings(), meeting -> AttributeValue.fromM(Map.of(
                "date", s(meeting.date().toString()), "reviews", s(meeting.reviews().toString())))));
        item.put(OWNER_REMINDER_WORKING_DAYS, n(register.ownerReminderWorkingDays()));
        item.put(VERSION, n(register.version()));
        return item;
    }

    static Register register(Map<String, AttributeValue> item) {
        return new Register(text(item, "registerId"), text(item, "note"),
                each(item, "themes", m -> new Theme(text(m, "id"), text(m, "title"))),
                each(item, "outcomes", m -> new Outcome(text(m, "id"), text(m, "title"), text(m, "theme"))),
                each(item, "people", m -> new Person(text(m, "id"), text(m, "name"), text(m, "email"),
                        Person.Kind.valueOf(text(m, "kind")))),
                each(item, "indicators", ReportingItems::indicator),
                each(item, "meetings", m -> new Meeting(LocalDate.parse(text(m, "date")), Period.parse(text(m, "reviews")))),
                item.containsKey(OWNER_REMINDER_WORKING_DAYS) ? (int) number(item, OWNER_REMINDER_WORKING_DAYS)
                        : Register.DEFAULT_OWNER_REMINDER_WORKING_DAYS, // kept before owners were reminded
                number(item, VERSION));
    }

    private static AttributeValue person(Person person) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("id", s(person.id()), "name", s(person.name()),
                "kind", s(person.kind().name())));
        optionalText(m, "email", person.email());
        return AttributeValue.fromM(m);
    }

    private static AttributeValue indicator(Indicator indicator) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(indicator.id()));
        m.put("reference", s(indicator.reference()));
        m.put("title", s(indicator.title()));
        m.put("outcome", s(indicator.outcome()));
        m.put("owner", s(indicator.owner()));
        m.put("polarity", s(indicator.polarity().name()));
        m.put("measure", s(indicator.measure().name()));
        m.put("accumulation", s(indicator.accumulation().name()));
        m.put("decimals", n(indicator.decimals()));
        m.put("unit", s(indicator.unit()));
        m.put("baseline", AttributeValue.fromM(Map.of("period", s(indicator.baseline().period().toString()),
                "value", decimal(indicator.baseline().value()))));
        Map<String, AttributeValue> targets = new HashMap<>();
        indicator.targets().forEach((year, target) -> targets.put(year, decimal(target)));
        m.put("targets", AttributeValue.fromM(targets));
        m.put("tolerance", decimal(indicator.tolerance()));
        m.put("contributions", strings(indicator.contributions()));
        return AttributeValue.fromM(m);
    }

    private static Indicator indicator(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> baseline = m.get("baseline").m();
        TreeMap<String, BigDecimal> targets = new TreeMap<>();
        m.get("targets").m().forEach((year, target) -> targets.put(year, new BigDecimal(target.s())));
        return new Indicator(text(m, "id"), text(m, "reference"), text(m, "title"), text(m, "outcome"),
                text(m, "owner"), Indicator.Polarity.valueOf(text(m, "polarity")),
                Indicator.Measure.valueOf(text(m, "measure")), Indicator.Accumulation.valueOf(text(m, "accumulation")),
                (int) number(m, "decimals"), text(m, "unit"),
                new Indicator.Baseline(Period.parse(text(baseline, "period")), decimal(baseline, "value")),
                targets, decimal(m, "tolerance"), strings(m, "contributions"));
    }

    // ---- figures and narratives, beside the register ----

    static Map<String, AttributeValue> observation(String registerId, Observation observation) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.register(registerId),
                Keys.figure(observation.indicator(), observation.period().toString(), observation.sequence()),
                SCHEMA_VERSION);
        item.put("indicator", s(observation.indicator()));
        item.put("period", s(observation.period().toString()));
        item.put("sequence", n(observation.sequence()));
        Figure figure = observation.figure();
        optionalDecimal(item, "value", figure.value());
        optionalDecimal(item, "numerator", figure.numerator());
        optionalDecimal(item, "denominator", figure.denominator());
        item.put("finality", s(observation.finality().name()));
        item.put("recordedBy", s(observation.recordedBy()));
        item.put("recordedOn", s(observation.recordedOn().toString()));
        observation.revisionReason().ifPresent(reason -> item.put("revisionReason", s(reason)));
        return item;
    }

    static Observation observation(Map<String, AttributeValue> item) {
        return new Observation(text(item, "indicator"), Period.parse(text(item, "period")),
                (int) number(item, "sequence"), new Figure(decimal(item, "value"), decimal(item, "numerator"),
                decimal(item, "denominator")), Observation.Finality.valueOf(text(item, "finality")),
                text(item, "recordedBy"), LocalDate.parse(text(item, "recordedOn")),
                Optional.ofNullable(text(item, "revisionReason")));
    }

    /** A caller's request key beside the figure it recorded: which figure, and the request's fingerprint. */
    static Map<String, AttributeValue> request(String registerId, String requestKey, String fingerprint,
                                               Observation observation) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.register(registerId), Keys.idempotency(requestKey),
                SCHEMA_VERSION);
        item.put("fingerprint", s(fingerprint));
        item.put("figure", s(Keys.figure(observation.indicator(), observation.period().toString(),
                observation.sequence())));
        return item;
    }

    /** The {@code number}th narrative written for its quarter. */
    static Map<String, AttributeValue> narrative(String registerId, Narrative narrative, int number) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.register(registerId),
                Keys.narrative(narrative.indicator(), narrative.period().toString(), number), SCHEMA_VERSION);
        item.put("indicator", s(narrative.indicator()));
        item.put("period", s(narrative.period().toString()));
        item.put("achieved", s(narrative.achieved()));
        item.put("next", s(narrative.next()));
        item.put("by", s(narrative.by()));
        item.put("on", s(narrative.on().toString()));
        return item;
    }

    static Narrative narrative(Map<String, AttributeValue> item) {
        return new Narrative(text(item, "indicator"), Period.parse(text(item, "period")), text(item, "achieved"),
                text(item, "next"), text(item, "by"), LocalDate.parse(text(item, "on")));
    }

    // ---- helpers ----

    private static AttributeValue decimal(BigDecimal value) {
        return s(value.toString());
    }

    /** A decimal kept as its text; null when absent. */
    private static BigDecimal decimal(Map<String, AttributeValue> m, String name) {
        String value = text(m, name);
        return value == null ? null : new BigDecimal(value);
    }

    private static void optionalDecimal(Map<String, AttributeValue> m, String name, BigDecimal value) {
        Optional.ofNullable(value).ifPresent(decimal -> m.put(name, decimal(decimal)));
    }

    private static void optionalText(Map<String, AttributeValue> m, String name, String value) {
        Optional.ofNullable(value).ifPresent(text -> m.put(name, s(text)));
    }

    private static <T> AttributeValue listOf(List<T> records, Function<T, AttributeValue> asAttribute) {
        return AttributeValue.fromL(records.stream().map(asAttribute).toList());
    }

    /** The records of a list attribute of maps, in its order. */
    private static <T> List<T> each(Map<String, AttributeValue> item, String name,
                                    Function<Map<String, AttributeValue>, T> asRecord) {
        AttributeValue list = item.get(name);
        return list == null ? List.of() : list.l().stream().map(element -> asRecord.apply(element.m())).toList();
    }
}
