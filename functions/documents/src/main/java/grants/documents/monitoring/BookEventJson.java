package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.ReturnPlan;
import grants.core.monitoring.ReturnSchedule;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code events} of a monitoring document: each of a known type with every field its type
 * needs and no other, naming people, agreements, returns, milestones, instalments and measures the
 * document has, in date order and none after {@code asOf}. Whether the live system would allow an
 * event is not checked here: a refused event is part of the record (M14), not bad input.
 */
final class BookEventJson {

    private static final MonitoringSettings IDS_ONLY = new MonitoringSettings(0, 0, 0, false, false, List.of());

    private final MonitoringFields fields;
    private final FieldReader reader;
    private final Map<String, MonitoringBook.Person> people;
    private final Map<String, Agreement> agreements = new HashMap<>();
    private final Map<String, Agreement> returns = new HashMap<>();
    private final Map<String, Agreement> milestones = new HashMap<>();
    private final java.util.Set<String> unreadableAgreements;
    private LocalDate previousDay;
    private String previousPath;

    BookEventJson(MonitoringFields fields, Map<String, MonitoringBook.Person> people, List<Agreement> agreements,
                  java.util.Set<String> unreadableAgreements, MonitoringSettings settings, List<LocalDate> bankHolidays) {
        this.unreadableAgreements = unreadableAgreements;
        this.fields = fields;
        this.reader = fields.reader();
        this.people = people;
        WorkingDays calendar = new WorkingDays(bankHolidays);
        for (Agreement agreement : agreements) {
            this.agreements.put(agreement.id(), agreement);
            // Return ids depend on the quarters only, so they are known even when the settings were unreadable.
            for (ReturnPlan plan : ReturnSchedule.of(agreement, settings == null ? IDS_ONLY : settings, calendar)) {
                returns.put(plan.id(), agreement);
            }
            agreement.milestones().forEach(m -> milestones.put(m.id(), agreement));
        }
    }

    List<BookEvent> read(JsonNode document, LocalDate asOf) {
        return fields.list(document, "", "events", (node, path) -> event(node, path, asOf)).stream()
                .filter(Objects::nonNull).toList();
    }

    private BookEvent event(JsonNode node, String path, LocalDate asOf) {
        LocalDate on = fields.date(node, path, "on", true);
        inOrder(on, path, asOf);
        String typeName = reader.text(node, path, "type", true);
        BookEvent.Type type = typeName == null ? null : BookEvent.Type.named(typeName).orElse(null);
        if (typeName != null && type == null) {
            reader.problem(FieldReader.path(path, "type"), "is not an event type: \"" + typeName + "\"; the types are "
                    + java.util.Arrays.stream(BookEvent.Type.values()).map(BookEvent.Type::documentName).toList());
        }
        String by = person(node, path, "by");
        if (type == null) {
            return null;
        }
        List<String> known = new ArrayList<>(List.of("on", "type", "by"));
        known.addAll(type.fields());
        if (type == BookEvent.Type.VARY) {
            known.addAll(List.of("return", "milestone"));
            varyNamesOne(node, path);
        }
        reader.onlyFields(node, path, known.toArray(String[]::new));
        boolean needs = true;
        String returnId = has(type, "return") || node.has("return") && type == BookEvent.Type.VARY ? returnOf(node, path) : null;
        String milestoneId = has(type, "milestone") || node.has("milestone") && type == BookEvent.Type.VARY
                ? milestoneOf(node, path) : null;
        String agreementId = has(type, "agreement") ? agreementOf(node, path) : null;
        Integer instalment = has(type, "instalment") ? instalmentOf(node, path, agreementId) : null;
        LocalDate to = has(type, "to") ? fields.date(node, path, "to", true) : null;
        String reason = has(type, "reason") ? reader.text(node, path, "reason", true, FieldReader.MAX_LONG_TEXT) : null;
        String approvedBy = has(type, "approvedBy") ? person(node, path, "approvedBy") : null;
        String email = has(type, "email") ? bouncedAddress(node, path) : null;
        Map<String, Long> outputs = has(type, "outputs") ? outputs(node, path, returnId) : Map.of();
        String achieved = has(type, "achieved") ? reader.text(node, path, "achieved", true, FieldReader.MAX_LONG_TEXT) : null;
        String next = has(type, "next") ? reader.text(node, path, "next", true, FieldReader.MAX_LONG_TEXT) : null;
        String evidence = has(type, "evidence") ? reader.text(node, path, "evidence", true, FieldReader.MAX_LONG_TEXT) : null;
        for (String field : type.fields()) {
            needs &= switch (field) {
                case "return" -> returnId != null;
                case "milestone" -> milestoneId != null;
                case "agreement" -> agreementId != null;
                case "instalment" -> instalment != null;
                case "to" -> to != null;
                case "reason" -> reason != null;
                case "approvedBy" -> approvedBy != null;
                case "email" -> email != null;
                case "outputs" -> outputs != null;
                case "achieved" -> achieved != null;
                case "next" -> next != null;
                case "evidence" -> evidence != null;
                default -> false;
            };
        }
        boolean variesOne = type != BookEvent.Type.VARY || (returnId == null) != (milestoneId == null);
        return needs && variesOne && on != null && by != null ? new BookEvent(on, type, by, returnId, milestoneId,
                agreementId, instalment, to, reason, approvedBy, email, outputs, achieved, next, evidence) : null;
    }

    private static boolean has(BookEvent.Type type, String field) {
        return type.fields().contains(field);
    }

    /** Listed in date order, and none after the day the replay stops. */
    private void inOrder(LocalDate on, String path, LocalDate asOf) {
        if (on == null) {
            return;
        }
        if (previousDay != null && on.isBefore(previousDay)) {
            reader.problem(FieldReader.path(path, "on"), "is " + on + ", before " + previousPath + " on " + previousDay
                    + ": events are listed in date order");
        }
        if (asOf != null && on.isAfter(asOf)) {
            reader.problem(FieldReader.path(path, "on"), "is " + on + ", after asOf (" + asOf
                    + "): the document stops at asOf");
        }
        previousDay = previousDay == null || on.isAfter(previousDay) ? on : previousDay;
        previousPath = on.equals(previousDay) ? path : previousPath;
    }

    private void varyNamesOne(JsonNode node, String path) {
        boolean names = node.has("return");
        if (names == node.has("milestone")) {
            reader.problem(path, names ? "names both a return and a milestone: a variation moves one of them"
                    : "names neither a return nor a milestone: say which one the variation moves");
        }
    }

    private String person(JsonNode node, String path, String field) {
        return known(node, path, field, people.keySet(), "a person");
    }

    private String returnOf(JsonNode node, String path) {
        return known(node, path, "return", returns.keySet(), "a return of the document's agreements");
    }

    private String milestoneOf(JsonNode node, String path) {
        return known(node, path, "milestone", milestones.keySet(), "a milestone of the document's agreements");
    }

    private String agreementOf(JsonNode node, String path) {
        return known(node, path, "agreement", agreements.keySet(), "an agreement of the document");
    }

    private String known(JsonNode node, String path, String field, java.util.Set<String> ids, String whatItIs) {
        String id = reader.text(node, path, field, true);
        if (id != null && !ids.contains(id) && !ofUnreadableAgreement(id)) {
            reader.problem(FieldReader.path(path, field), "is not " + whatItIs + ": \"" + id + "\"");
            return null;
        }
        return id;
    }

    /** An agreement already reported unreadable, or one of its returns or milestones. */
    private boolean ofUnreadableAgreement(String id) {
        int slash = id.indexOf('/');
        return unreadableAgreements.contains(slash < 0 ? id : id.substring(0, slash));
    }

    private Integer instalmentOf(JsonNode node, String path, String agreementId) {
        Integer number = fields.whole(node, path, "instalment", 1, 10_000);
        if (number != null && agreements.containsKey(agreementId) && agreements.get(agreementId).instalments().stream()
                .noneMatch(i -> i.number() == number)) {
            reader.problem(FieldReader.path(path, "instalment"), "is " + number + ", an instalment " + agreementId
                    + " does not have");
            return null;
        }
        return number;
    }

    /** A bounced address is some person's: an address nobody has is an unknown person. */
    private String bouncedAddress(JsonNode node, String path) {
        String email = reader.text(node, path, "email", true);
        if (email != null && people.values().stream().noneMatch(p -> p.email().equals(email))) {
            reader.problem(FieldReader.path(path, "email"), "is not the address of a person of the document: \""
                    + email + "\"");
            return null;
        }
        return email;
    }

    /** Each measure one of the return's agreement, each value a whole number; null when any is bad. */
    private Map<String, Long> outputs(JsonNode node, String path, String returnId) {
        JsonNode outputs = node.get("outputs");
        String outputsPath = FieldReader.path(path, "outputs");
        if (outputs == null || outputs.isNull()) {
            reader.problem(outputsPath, "is required: each measure with a whole number");
            return null;
        }
        if (!reader.isObject(outputs, outputsPath)) {
            return null;
        }
        Agreement agreement = returnId == null ? null : returns.get(returnId);
        Map<String, Long> values = new TreeMap<>();
        boolean readable = true;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) outputs::fields) {
            String measurePath = outputsPath + "." + field.getKey();
            JsonNode value = field.getValue();
            if (agreement != null && agreement.outputs().stream().noneMatch(o -> o.measure().equals(field.getKey()))) {
                reader.problem(measurePath, "is not a measure of " + agreement.id() + ": its measures are "
                        + agreement.outputs().stream().map(Agreement.Output::measure).toList());
                readable = false;
            } else if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                reader.problem(measurePath, "must be a whole number, 0 or more, got " + value);
                readable = false;
            } else {
                values.put(field.getKey(), value.longValue());
            }
        }
        return readable ? values : null;
    }
}
