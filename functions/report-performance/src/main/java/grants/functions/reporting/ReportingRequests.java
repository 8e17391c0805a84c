package grants.functions.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Theme;
import grants.documents.FieldReader;
import grants.documents.Json;
import grants.documents.reporting.RegisterBookJson;
import grants.http.HttpRequests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reporting's request bodies, each read whole: every problem named by its field, nothing changed.
 * The rules that need the register (an outcome that exists, the owner's figures) are the use cases'.
 * Decimals are strings ("12.5") or exact JSON numbers, never read through a double.
 */
final class ReportingRequests {

    /** A quarter's figure as an owner records it. */
    record Recorded(Figure figure, Observation.Finality finality, String reason) {
    }

    /** The owner's story of a quarter. */
    record Told(String achieved, String next) {
    }

    private ReportingRequests() {
    }

    /** The body; none at all reads as {}. */
    static JsonNode bodyOf(APIGatewayV2HTTPEvent request) {
        return request.getBody() == null || request.getBody().isBlank() ? Json.object() : HttpRequests.body(request);
    }

    /** A quarter in a path, written {@code 2008-09-Q1} (a path carries no space). */
    static Period quarter(APIGatewayV2HTTPEvent request) {
        String key = HttpRequests.pathId(request, "quarter");
        return Period.parse(key.replace("-Q", " Q"), "quarter");
    }

    /** The register's own settings, both optional: {@code {"note", "ownerReminderWorkingDays"}}. */
    record RegisterSettings(String note, OptionalInt ownerReminderWorkingDays) {
    }

    static RegisterSettings registerSettings(JsonNode body) {
        FieldReader reader = objectReader(body, "note", "ownerReminderWorkingDays");
        String note = reader.multilineText(body, "", "note", false, FieldReader.MAX_LONG_TEXT); // a paragraph, as documents give it
        OptionalInt days = RegisterBookJson.ownerReminderWorkingDays(reader, body); // as the register document has it
        refuseIfAny(reader);
        return new RegisterSettings(note, days);
    }

    static Theme theme(String id, JsonNode body) {
        FieldReader reader = objectReader(body, "title");
        String title = reader.text(body, "", "title", true);
        refuseIfAny(reader);
        return new Theme(id, title);
    }

    static Outcome outcome(String id, JsonNode body) {
        FieldReader reader = objectReader(body, "title", "theme");
        String title = reader.text(body, "", "title", true);
        String theme = reader.text(body, "", "theme", true);
        refuseIfAny(reader);
        return new Outcome(id, title, theme);
    }

    static Person person(String id, JsonNode body) {
        FieldReader reader = objectReader(body, "name", "email", "role");
        String name = reader.text(body, "", "name", true);
        String email = reader.text(body, "", "email", false);
        Person.Kind kind = reader.oneOf(body, "", "role", Person.Kind.class, true);
        refuseIfAny(reader);
        return new Person(id, name, email, kind);
    }

    static Indicator indicator(String id, JsonNode body) {
        FieldReader reader = objectReader(body, "reference", "title", "outcome", "owner", "polarity", "measure",
                "accumulation", "decimals", "unit", "baseline", "targets", "tolerance", "contributions");
        String reference = reader.text(body, "", "reference", true);
        String title = reader.text(body, "", "title", true);
        String outcome = reader.text(body, "", "outcome", true);
        String owner = reader.text(body, "", "owner", true);
        Indicator.Polarity polarity = reader.oneOf(body, "", "polarity", Indicator.Polarity.class, true);
        Indicator.Measure measure = reader.oneOf(body, "", "measure", Indicator.Measure.class, true);
        Indicator.Accumulation accumulation = reader.oneOf(body, "", "accumulation", Indicator.Accumulation.class, true);
        int decimals = wholeNumber(reader, body, "decimals");
        String unit = reader.text(body, "", "unit", true);
        Indicator.Baseline baseline = baseline(reader, body);
        TreeMap<String, BigDecimal> targets = targets(reader, body);
        BigDecimal tolerance = decimal(reader, body, "", "tolerance", true);
        List<String> contributions = new ArrayList<>();
        List<JsonNode> given = reader.array(body, "", "contributions", false);
        for (int i = 0; i < given.size(); i++) {
            contributions.add(reader.element(given.get(i), "contributions[" + i + "]", "an agreement's id"));
        }
        refuseIfAny(reader);
        return new Indicator(id, reference, title, outcome, owner, polarity, measure, accumulation, decimals, unit,
                baseline, targets, tolerance, contributions);
    }

    static Meeting meeting(JsonNode body) {
        FieldReader reader = objectReader(body, "date", "reviews");
        var date = reader.date(body, "", "date", true);
        Period reviews = period(reader, body, "", "reviews");
        refuseIfAny(reader);
        return new Meeting(date, reviews);
    }

    /**
     * A figure: {@code value}, or for a RATIO indicator {@code numerator} and {@code denominator};
     * {@code status} PROVISIONAL or FINAL; {@code reason} when it revises the quarter. Which parts the
     * indicator needs, and whether a reason is needed, are the use case's to say (P10's order).
     */
    static Recorded figure(JsonNode body) {
        FieldReader reader = objectReader(body, "value", "numerator", "denominator", "status", "reason");
        BigDecimal value = decimal(reader, body, "", "value", false);
        BigDecimal numerator = decimal(reader, body, "", "numerator", false);
        BigDecimal denominator = decimal(reader, body, "", "denominator", false);
        Observation.Finality finality = reader.oneOf(body, "", "status", Observation.Finality.class, false);
        String reason = reader.multilineText(body, "", "reason", false, FieldReader.MAX_LONG_TEXT);
        refuseIfAny(reader);
        return new Recorded(new Figure(value, numerator, denominator), finality, reason);
    }

    /** "What we've achieved" and "what next"; the use case requires both, after checking who writes. */
    static Told narrative(JsonNode body) {
        FieldReader reader = objectReader(body, "achieved", "next");
        String achieved = reader.multilineText(body, "", "achieved", false, FieldReader.MAX_LONG_TEXT);
        String next = reader.multilineText(body, "", "next", false, FieldReader.MAX_LONG_TEXT);
        refuseIfAny(reader);
        return new Told(achieved, next);
    }

    // ---- parts ----

    private static Indicator.Baseline baseline(FieldReader reader, JsonNode body) {
        JsonNode baseline = body.get("baseline");
        if (baseline == null || baseline.isNull()) {
            reader.problem("baseline", "is required: {\"period\": \"2007-08 Q4\", \"value\": \"13.1\"}");
            return null;
        }
        if (!reader.isObject(baseline, "baseline")) {
            return null;
        }
        reader.onlyFields(baseline, "baseline", "period", "value");
        Period period = period(reader, baseline, "baseline", "period");
        BigDecimal value = decimal(reader, baseline, "baseline", "value", true);
        return period == null || value == null ? null : new Indicator.Baseline(period, value);
    }

    /** Each financial year's target: {@code {"2008-09": "12.5"}}. */
    private static TreeMap<String, BigDecimal> targets(FieldReader reader, JsonNode body) {
        TreeMap<String, BigDecimal> targets = new TreeMap<>();
        JsonNode given = body.get("targets");
        if (given == null || given.isNull()) {
            return targets;
        }
        if (!given.isObject()) {
            reader.problem("targets", "must be an object from each financial year (2008-09) to its target");
            return targets;
        }
        given.fieldNames().forEachRemaining(year -> {
            Period first = readPeriod(reader, year + " Q1", "targets." + year);
            BigDecimal target = decimal(reader, given, "targets", year, true);
            if (first != null && target != null) {
                targets.put(first.year(), target);
            }
        });
        return targets;
    }

    private static Period period(FieldReader reader, JsonNode parent, String parentPath, String field) {
        String text = reader.text(parent, parentPath, field, true);
        return text == null ? null : readPeriod(reader, text, FieldReader.path(parentPath, field));
    }

    /** A quarter, or its problem named at {@code path}. */
    private static Period readPeriod(FieldReader reader, String text, String path) {
        try {
            return Period.parse(text, path);
        } catch (InvalidInputException refused) {
            refused.details().forEach(problem -> reader.problem(problem.field(), problem.problem()));
            return null;
        }
    }

    private static BigDecimal decimal(FieldReader reader, JsonNode parent, String parentPath, String field,
                                      boolean required) {
        return reader.decimal(parent, parentPath, field, required);
    }

    private static int wholeNumber(FieldReader reader, JsonNode body, String field) {
        JsonNode given = body.get(field);
        if (given == null || !given.isIntegralNumber() || !given.canConvertToInt()) {
            reader.problem(field, "is required: a whole number (the decimal places a figure is shown with)");
            return 0;
        }
        return given.intValue();
    }

    /** A reader of a body that is an object (else refused at once), whose fields are only {@code fields}. */
    private static FieldReader objectReader(JsonNode body, String... fields) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", fields);
            return reader;
        }
        throw reader.refusal("request", "nothing was changed");
    }

    private static void refuseIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was changed");
    }
}
