package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Participant;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a monitoring document strictly: every field it does not know is refused, every bad field
 * is named by its path, and every problem of the document is found before it is refused, whole
 * (the spec's "Bad input" list). Agreements are read by {@link AgreementJson}, events by
 * {@link BookEventJson}, each against the people, organisations and agreements read before them.
 */
public final class MonitoringBookJson {

    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private MonitoringBookJson() {
    }

    /** The document, or {@link grants.core.errors.InvalidInputException} naming every problem. */
    public static MonitoringBook read(JsonNode document) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(document, "body")) {
            throw refusal(reader);
        }
        MonitoringFields fields = new MonitoringFields(reader);
        reader.onlyFields(document, "", "bookId", "note", "settings", "bankHolidays", "people", "organisations",
                "agreements", "sweepOutages", "paymentRuns", "events", "asOf");
        String bookId = reader.id(document, "", "bookId", "[a-z0-9-]{1,64}", "1 to 64 characters of a-z, 0-9 and -", true);
        String note = reader.text(document, "", "note", false, FieldReader.MAX_LONG_TEXT);
        MonitoringSettings settings = MonitoringSettingsJson.read(document.get("settings"), "settings", fields);
        List<LocalDate> bankHolidays = fields.dates(document, "bankHolidays");
        Map<String, MonitoringBook.Organisation> organisations = organisations(document, fields);
        Map<String, MonitoringBook.Person> people = people(document, fields, organisations);
        AgreementJson agreementReader = new AgreementJson(fields, people, organisations);
        List<Agreement> agreements = agreementReader.read(document, bookId);
        List<LocalDate> sweepOutages = fields.dates(document, "sweepOutages");
        List<LocalDate> paymentRuns = fields.dates(document, "paymentRuns");
        LocalDate asOf = fields.date(document, "", "asOf", true);
        List<BookEvent> events = new BookEventJson(fields, people, agreements, agreementReader.unreadable(), settings,
                bankHolidays)
                .read(document, asOf);
        reader.refuseIfAny("monitoring document", "nothing was written");
        return new MonitoringBook(bookId, Optional.ofNullable(note), settings, new java.util.TreeSet<>(bankHolidays),
                people, organisations, agreements, new java.util.TreeSet<>(sweepOutages),
                new java.util.TreeSet<>(paymentRuns), events, asOf);
    }

    private static grants.core.errors.InvalidInputException refusal(FieldReader reader) {
        return reader.refusal("monitoring document", "nothing was written");
    }

    private static Map<String, MonitoringBook.Organisation> organisations(JsonNode document, MonitoringFields fields) {
        FieldReader reader = fields.reader();
        MonitoringFields.Once once = new MonitoringFields.Once(reader);
        Map<String, MonitoringBook.Organisation> organisations = new LinkedHashMap<>();
        fields.list(document, "", "organisations", (node, path) -> {
            reader.onlyFields(node, path, "id", "name");
            String id = fields.id(node, path, "id");
            String name = reader.text(node, path, "name", true);
            return once.first(id, FieldReader.path(path, "id"), path) && name != null
                    ? new MonitoringBook.Organisation(id, name) : null;
        }).stream().filter(Objects::nonNull).forEach(o -> organisations.put(o.id(), o));
        return organisations;
    }

    private static Map<String, MonitoringBook.Person> people(JsonNode document, MonitoringFields fields,
                                                            Map<String, MonitoringBook.Organisation> organisations) {
        FieldReader reader = fields.reader();
        MonitoringFields.Once once = new MonitoringFields.Once(reader);
        Map<String, MonitoringBook.Person> people = new LinkedHashMap<>();
        fields.list(document, "", "people", (node, path) -> {
            reader.onlyFields(node, path, "id", "name", "email", "role", "organisation");
            String id = fields.id(node, path, "id");
            String name = reader.text(node, path, "name", true);
            String email = reader.text(node, path, "email", true);
            if (email != null && !email.matches(EMAIL_PATTERN)) {
                reader.problem(FieldReader.path(path, "email"), "is not an email address: \"" + email + "\"");
                email = null;
            }
            Participant.Kind role = role(node, path, reader);
            Optional<String> organisation = organisation(node, path, role, organisations, reader);
            return once.first(id, FieldReader.path(path, "id"), path) && name != null && email != null && role != null
                    && organisation != null ? new MonitoringBook.Person(id, name, email, role, organisation) : null;
        }).stream().filter(Objects::nonNull).forEach(p -> people.put(p.id(), p));
        return people;
    }

    private static Participant.Kind role(JsonNode node, String path, FieldReader reader) {
        Participant.Kind role = reader.oneOf(node, path, "role", Participant.Kind.class, true);
        if (role == Participant.Kind.OTHER) {
            reader.problem(FieldReader.path(path, "role"), "must be MANAGER, OFFICER, FINANCE, SUB_GROUP or LEAD_CONTACT");
            return null;
        }
        return role;
    }

    /** A lead contact's organisation, which must be one of the document's; nobody else has one. Null when bad. */
    private static Optional<String> organisation(JsonNode node, String path, Participant.Kind role,
                                                 Map<String, MonitoringBook.Organisation> organisations,
                                                 FieldReader reader) {
        if (role == null) {
            return null;
        }
        String field = FieldReader.path(path, "organisation");
        String organisation = reader.text(node, path, "organisation", role == Participant.Kind.LEAD_CONTACT);
        if (organisation == null) {
            return role == Participant.Kind.LEAD_CONTACT ? null : Optional.empty();
        }
        if (role != Participant.Kind.LEAD_CONTACT) {
            reader.problem(field, "is only for a LEAD_CONTACT: the organisation they act for");
            return null;
        }
        if (!organisations.containsKey(organisation)) {
            reader.problem(field, "is not an organisation of the document: \"" + organisation + "\"");
            return null;
        }
        return Optional.of(organisation);
    }
}
