package grants.documents.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Register;
import grants.core.reporting.Theme;
import grants.documents.FieldReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Reads a register document strictly (performance-rules.md, "Bad input"): every field it does not know
 * is refused, every bad field is named by its path ({@code indicators[3].targets[1].year}), and every
 * problem of the document is found before it is refused, whole. Nothing is replayed from a refused one.
 */
public final class RegisterBookJson {

    static final String ID_PATTERN = "[a-z0-9-]{1,64}";
    private static final String ID_IN_WORDS = "1 to 64 characters of a-z, 0-9 and -";

    private final FieldReader reader = new FieldReader();

    private RegisterBookJson() {
    }

    /** The document, or {@link InvalidInputException} naming every problem. */
    public static RegisterBook read(JsonNode document) {
        return new RegisterBookJson().book(document);
    }

    private RegisterBook book(JsonNode document) {
        if (!reader.isObject(document, "body")) {
            throw reader.refusal("register document", "nothing was written");
        }
        reader.onlyFields(document, "", "registerId", "note", "ownerReminderWorkingDays", "themes", "outcomes", "people",
                "indicators", "actuals", "narratives", "meetings");
        String registerId = reader.id(document, "", "registerId", ID_PATTERN, ID_IN_WORDS, true);
        String note = reader.multilineText(document, "", "note", false, FieldReader.MAX_LONG_TEXT);
        OptionalInt ownerReminderWorkingDays = ownerReminderWorkingDays(reader, document);
        Set<String> themeIds = idsOf(document, "themes");
        Set<String> outcomeIds = idsOf(document, "outcomes");
        Set<String> personIds = idsOf(document, "people");
        Map<String, Theme> themes = byId(list(document, "themes", this::theme), Theme::id, "themes");
        Map<String, Outcome> outcomes = byId(list(document, "outcomes", (node, path) -> outcome(node, path, themeIds)),
                Outcome::id, "outcomes");
        Map<String, Person> people = byId(list(document, "people", this::person), Person::id, "people");
        if (document.path("people").isArray() && people.values().stream().noneMatch(p -> p.kind() == Person.Kind.MANAGER)
                && personIds.size() == people.size()) {
            reader.problem("people", "names no MANAGER: a register is kept by a manager, who sets it up");
        }
        Set<String> indicatorIds = idsOf(document, "indicators");
        Map<String, Indicator> indicators = byId(list(document, "indicators",
                (node, path) -> indicator(node, path, outcomeIds, personIds)), Indicator::id, "indicators");
        List<RegisterBook.Actual> actuals = list(document, "actuals", (node, path) -> actual(node, path, indicatorIds, indicators, personIds));
        List<RegisterBook.Story> narratives = list(document, "narratives",
                (node, path) -> story(node, path, indicatorIds, personIds));
        List<Meeting> meetings = meetings(document);
        reader.refuseIfAny("register document", "nothing was written");
        return new RegisterBook(registerId, Optional.ofNullable(note), ownerReminderWorkingDays,
                List.copyOf(themes.values()),
                List.copyOf(outcomes.values()), List.copyOf(people.values()), List.copyOf(indicators.values()),
                actuals, narratives, meetings);
    }

    /**
     * How many working days before a quarter's figures are due its owners are reminded, if given
     * ({@code ownerReminderWorkingDays}, 0 to 20): the register document's and the API's alike.
     */
    public static OptionalInt ownerReminderWorkingDays(FieldReader reader, JsonNode parent) {
        JsonNode given = parent.get("ownerReminderWorkingDays");
        if (given == null || given.isNull()) {
            return OptionalInt.empty();
        }
        if (given.isIntegralNumber() && given.canConvertToInt() && given.intValue() >= 0
                && given.intValue() <= Register.MOST_OWNER_REMINDER_WORKING_DAYS) {
            return OptionalInt.of(given.intValue());
        }
        reader.problem("ownerReminderWorkingDays", "must be a whole number of working days from 0 to "
                + Register.MOST_OWNER_REMINDER_WORKING_DAYS);
        return OptionalInt.empty();
    }

    // ---- the register ----

    private Theme theme(JsonNode node, String path) {
        reader.onlyFields(node, path, "id", "title");
        String id = id(node, path);
        String title = reader.text(node, path, "title", true);
        return id == null || title == null ? null : new Theme(id, title);
    }

    private Outcome outcome(JsonNode node, String path, Set<String> themes) {
        reader.onlyFields(node, path, "id", "title", "theme");
        String id = id(node, path);
        String title = reader.text(node, path, "title", true);
        String theme = reader.known(node, path, "theme", themes, "a theme");
        return id == null || title == null || theme == null ? null : new Outcome(id, title, theme);
    }

    private Person person(JsonNode node, String path) {
        reader.onlyFields(node, path, "id", "name", "email", "role");
        String id = id(node, path);
        String name = reader.text(node, path, "name", true);
        String email = reader.text(node, path, "email", false);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            reader.problem(FieldReader.path(path, "email"), "is not an email address: \"" + email + "\"");
            email = null;
        }
        Person.Kind role = reader.oneOf(node, path, "role", Person.Kind.class, true);
        return id == null || name == null || role == null ? null : new Person(id, name, email, role);
    }

    private Indicator indicator(JsonNode node, String path, Set<String> outcomes, Set<String> people) {
        reader.onlyFields(node, path, "id", "reference", "title", "outcome", "owner", "polarity", "measure",
                "accumulation", "decimals", "unit", "baseline", "targets", "tolerance", "contributions");
        String id = id(node, path);
        String reference = reader.text(node, path, "reference", true);
        String title = reader.text(node, path, "title", true);
        String outcome = reader.known(node, path, "outcome", outcomes, "an outcome");
        String owner = reader.known(node, path, "owner", people, "a person");
        Indicator.Polarity polarity = reader.oneOf(node, path, "polarity", Indicator.Polarity.class, true);
        Indicator.Measure measure = reader.oneOf(node, path, "measure", Indicator.Measure.class, true);
        Indicator.Accumulation accumulation = reader.oneOf(node, path, "accumulation", Indicator.Accumulation.class, true);
        Integer decimals = decimals(node, path);
        String unit = reader.text(node, path, "unit", true);
        Indicator.Baseline baseline = baseline(node, path);
        TreeMap<String, BigDecimal> targets = targets(node, path);
        BigDecimal tolerance = tolerance(node, path);
        List<String> contributions = contributions(node, path);
        if (id == null || reference == null || title == null || outcome == null || owner == null || polarity == null
                || measure == null || accumulation == null || decimals == null || unit == null || baseline == null
                || targets == null || tolerance == null || contributions == null) {
            return null;
        }
        return new Indicator(id, reference, title, outcome, owner, polarity, measure, accumulation, decimals, unit,
                baseline, targets, tolerance, contributions);
    }

    private Integer decimals(JsonNode node, String path) {
        JsonNode given = node.get("decimals");
        if (given == null || !given.isIntegralNumber() || !given.canConvertToInt() || given.intValue() < 0
                || given.intValue() > 3) {
            reader.problem(FieldReader.path(path, "decimals"), "must be a whole number from 0 to 3 (the decimal places a"
                    + " figure is shown with), got " + given);
            return null;
        }
        return given.intValue();
    }

    private Indicator.Baseline baseline(JsonNode node, String path) {
        String field = FieldReader.path(path, "baseline");
        JsonNode baseline = node.get("baseline");
        if (baseline == null || baseline.isNull()) {
            reader.problem(field, "is required: {\"period\": \"2007-08 Q4\", \"value\": \"13.8\"}");
            return null;
        }
        if (!reader.isObject(baseline, field)) {
            return null;
        }
        reader.onlyFields(baseline, field, "period", "value");
        Period period = period(baseline, field, "period");
        BigDecimal value = decimal(baseline, field, "value", true);
        return period == null || value == null ? null : new Indicator.Baseline(period, value);
    }

    /** Each financial year's target once: {@code [{"year": "2008-09", "value": "13.6"}]}. */
    private TreeMap<String, BigDecimal> targets(JsonNode node, String path) {
        TreeMap<String, BigDecimal> targets = new TreeMap<>();
        Map<String, String> firstPath = new HashMap<>();
        boolean good = true;
        List<Map.Entry<String, BigDecimal>> read = list(node, path, "targets", (target, targetPath) -> {
            reader.onlyFields(target, targetPath, "year", "value");
            String year = year(target, targetPath);
            BigDecimal value = decimal(target, targetPath, "value", true);
            if (year != null && firstPath.putIfAbsent(year, targetPath) != null) {
                reader.problem(FieldReader.path(targetPath, "year"), "\"" + year + "\" already has a target at "
                        + firstPath.get(year) + ": one target a year");
                return null;
            }
            return year == null || value == null ? null : Map.entry(year, value);
        });
        for (Map.Entry<String, BigDecimal> target : read) {
            if (target == null) {
                good = false;
            } else {
                targets.put(target.getKey(), target.getValue());
            }
        }
        return good ? targets : null;
    }

    /** A financial year written {@code 2008-09}, its years following on. */
    private String year(JsonNode target, String path) {
        String year = reader.text(target, path, "year", true);
        if (year == null) {
            return null;
        }
        Period first = period(year + " Q1", year, FieldReader.path(path, "year"), "a financial year such as \"2008-09\"");
        return first == null ? null : first.year();
    }

    private BigDecimal tolerance(JsonNode node, String path) {
        BigDecimal tolerance = decimal(node, path, "tolerance", true);
        if (tolerance != null && tolerance.signum() < 0) {
            reader.problem(FieldReader.path(path, "tolerance"), "must not be negative (a percent of the target), got \""
                    + tolerance.toPlainString() + "\"");
            return null;
        }
        return tolerance;
    }

    private List<String> contributions(JsonNode node, String path) {
        List<JsonNode> given = reader.array(node, path, "contributions", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String id = reader.element(given.get(i), FieldReader.path(path, "contributions") + "[" + i + "]",
                    "a monitored agreement's id");
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    // ---- what people did ----

    private RegisterBook.Actual actual(JsonNode node, String path, Set<String> indicatorIds,
                                       Map<String, Indicator> indicators, Set<String> people) {
        reader.onlyFields(node, path, "indicator", "period", "value", "numerator", "denominator", "status", "recordedBy",
                "recordedOn", "revisionReason");
        String indicatorId = reader.known(node, path, "indicator", indicatorIds, "an indicator");
        Period period = period(node, path, "period");
        Figure figure = figure(node, path, indicatorId == null ? null : indicators.get(indicatorId)); // null: said why
        Observation.Finality finality = reader.oneOf(node, path, "status", Observation.Finality.class, true);
        String by = reader.known(node, path, "recordedBy", people, "a person");
        LocalDate on = reader.date(node, path, "recordedOn", true);
        String reason = reader.multilineText(node, path, "revisionReason", false, FieldReader.MAX_LONG_TEXT);
        return indicatorId == null || period == null || figure == null || finality == null || by == null || on == null
                ? null : new RegisterBook.Actual(indicatorId, period, figure, finality, by, on, Optional.ofNullable(reason));
    }

    /** A value, or for a RATIO indicator both parts (the denominator not zero); never both kinds. */
    private Figure figure(JsonNode node, String path, Indicator indicator) {
        BigDecimal value = decimal(node, path, "value", false);
        BigDecimal numerator = decimal(node, path, "numerator", false);
        BigDecimal denominator = decimal(node, path, "denominator", false);
        if (indicator == null) {
            return null;
        }
        Figure figure = new Figure(value, numerator, denominator);
        var problems = figure.problems(indicator.accumulation());
        problems.forEach(problem -> reader.problem(FieldReader.path(path, problem.field()), problem.problem()));
        boolean unreadable = (node.hasNonNull("value") && value == null) || (node.hasNonNull("numerator") && numerator == null)
                || (node.hasNonNull("denominator") && denominator == null);
        return problems.isEmpty() && !unreadable ? figure : null;
    }

    private RegisterBook.Story story(JsonNode node, String path, Set<String> indicators, Set<String> people) {
        reader.onlyFields(node, path, "indicator", "period", "achieved", "next", "by", "on");
        String indicatorId = reader.known(node, path, "indicator", indicators, "an indicator");
        Period period = period(node, path, "period");
        String achieved = reader.multilineText(node, path, "achieved", true, FieldReader.MAX_LONG_TEXT);
        String next = reader.multilineText(node, path, "next", true, FieldReader.MAX_LONG_TEXT);
        String by = reader.known(node, path, "by", people, "a person");
        LocalDate on = reader.date(node, path, "on", true);
        return indicatorId == null || period == null || achieved == null || next == null || by == null || on == null
                ? null : new RegisterBook.Story(indicatorId, period, achieved, next, by, on);
    }

    /** The board meetings, one a day, each reviewing a quarter that had ended by its date. */
    private List<Meeting> meetings(JsonNode document) {
        Map<LocalDate, String> firstPath = new HashMap<>();
        return list(document, "meetings", (node, path) -> {
            reader.onlyFields(node, path, "date", "reviews");
            LocalDate date = reader.date(node, path, "date", true);
            Period reviews = period(node, path, "reviews");
            if (date != null && firstPath.putIfAbsent(date, path) != null) {
                reader.problem(FieldReader.path(path, "date"), date + " already has a meeting at " + firstPath.get(date)
                        + ": one meeting a day");
                return null;
            }
            if (date != null && reviews != null && !reviews.endedBefore(date)) {
                reader.problem(FieldReader.path(path, "reviews"), "\"" + reviews + "\" had not ended by the meeting on "
                        + date + ": it ends on " + reviews.lastDay());
                return null;
            }
            return date == null || reviews == null ? null : new Meeting(date, reviews);
        }).stream().filter(Objects::nonNull).toList();
    }

    // ---- parts ----

    private String id(JsonNode node, String path) {
        return reader.id(node, path, "id", ID_PATTERN, ID_IN_WORDS, true);
    }

    private Period period(JsonNode node, String path, String field) {
        String text = reader.text(node, path, field, true);
        return text == null ? null : period(text, text, FieldReader.path(path, field), "a quarter such as \"2008-09 Q1\"");
    }

    /** P1's form, {@code 2008-09 Q1} with years that follow on; the problem named at {@code path}. */
    private Period period(String text, String given, String path, String what) {
        try {
            return Period.parse(text, path);
        } catch (InvalidInputException refused) {
            reader.problem(path, "must be " + what + " (two years that follow on), got \"" + given + "\"");
            return null;
        }
    }

    private BigDecimal decimal(JsonNode node, String path, String field, boolean required) {
        return reader.decimal(node, path, field, required);
    }

    /** Each object of a top-level list read by {@code element} (null when unreadable: the reader has said why). */
    private <T> List<T> list(JsonNode parent, String field, BiFunction<JsonNode, String, T> element) {
        return reader.objects(parent, "", field, element);
    }

    private <T> List<T> list(JsonNode parent, String parentPath, String field, BiFunction<JsonNode, String, T> element) {
        return reader.objects(parent, parentPath, field, element);
    }

    /**
     * The ids a list gives, its bad entries' included: a reference to an entry with a bad field is not
     * named again as unknown (the bad field is named once, where it is).
     */
    private static Set<String> idsOf(JsonNode document, String field) {
        Set<String> ids = new HashSet<>();
        JsonNode list = document.get(field);
        if (list != null && list.isArray()) {
            list.forEach(item -> {
                if (item.path("id").isTextual()) {
                    ids.add(item.path("id").asText());
                }
            });
        }
        return ids;
    }

    /** The list by id, in its order; a second use of an id is named ("is already the id of themes[0]"). */
    private <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id, String field) {
        Map<String, T> byId = new LinkedHashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                continue;
            }
            Integer earlier = firstAt.putIfAbsent(id.apply(item), i);
            if (earlier != null) {
                reader.problem(field + "[" + i + "].id", "\"" + id.apply(item) + "\" is already the id of " + field + "["
                        + earlier + "]: each id once");
            } else {
                byId.put(id.apply(item), item);
            }
        }
        return byId;
    }
}
