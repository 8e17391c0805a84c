package grants.adapters.dynamodb;

import grants.core.monitoring.Act;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.DueReminders;
import grants.core.monitoring.InstalmentRecord;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MilestoneRecord;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Reminder;
import grants.core.monitoring.ReturnPlan;
import grants.core.monitoring.ReturnRecord;
import grants.core.monitoring.Review;
import grants.core.monitoring.Submission;
import grants.core.monitoring.Variation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Monitoring's records to and from their items: an agreement's whole record (with the reminders
 * planned for it), the index entries that find it, and its ledger rows. Everything is a native
 * attribute (lists and maps, never a JSON string); money is whole pence in number attributes and
 * days are ISO dates. A value that is absent (no skip, no reason) has no attribute.
 */
final class MonitoringItems {

    static final int SCHEMA_VERSION = 1;
    static final String VERSION = "version";
    static final String PLANNED = "planned";
    static final String SETTINGS = "settings";
    static final String SETTINGS_IN_WORDS = "settingsInWords";
    static final String DAY_STAMP = "stamp";

    private MonitoringItems() {
    }

    // ---- the agreement's record ----

    static Map<String, AttributeValue> agreement(MonitoredAgreement record, List<Reminder> planned) {
        Agreement agreement = record.agreement();
        Map<String, AttributeValue> item = GrantsTable.item(Keys.agreement(agreement.id()), Keys.AGREEMENT_ITEM,
                SCHEMA_VERSION);
        item.put("agreementId", s(agreement.id()));
        item.put("source", s(agreement.source().name()));
        item.put("trail", s(agreement.trail()));
        item.put("organisation", s(agreement.organisation()));
        item.put("officer", s(agreement.officer()));
        item.put("title", s(agreement.title()));
        item.put("organisationName", s(agreement.organisationName()));
        item.put("start", day(agreement.start()));
        item.put("end", day(agreement.end()));
        item.put("outputs", list(agreement.outputs(), output -> map(Map.of("measure", s(output.measure()),
                "annualTarget", n(output.annualTarget())))));
        item.put("instalments", list(record.instalments(), MonitoringItems::instalment));
        item.put("milestones", list(record.milestones(), MonitoringItems::milestone));
        item.put("returns", list(record.returns(), MonitoringItems::returnRecord));
        record.termination().ifPresent(ended -> item.put("termination", act(ended)));
        record.acceptance().ifPresent(accepted -> item.put("acceptance", act(accepted)));
        item.put(VERSION, n(record.version()));
        item.put(SETTINGS, settings(record.settings()));
        item.put(PLANNED, list(planned, MonitoringItems::reminder));
        return item;
    }

    static MonitoredAgreement agreement(Map<String, AttributeValue> item) {
        String id = text(item, "agreementId");
        List<InstalmentRecord> instalments = read(item.get("instalments"), MonitoringItems::instalment);
        List<MilestoneRecord> milestones = read(item.get("milestones"), MonitoringItems::milestone);
        Agreement agreement = new Agreement(id, Agreement.Source.valueOf(text(item, "source")), text(item, "trail"),
                text(item, "organisation"), text(item, "officer"), date(item, "start"), date(item, "end"),
                instalments.stream().map(InstalmentRecord::instalment).toList(),
                milestones.stream().map(MilestoneRecord::milestone).toList(),
                read(item.get("outputs"), m -> new Agreement.Output(text(m, "measure"), number(m, "annualTarget"))),
                item.containsKey("title") ? text(item, "title") : id,
                item.containsKey("organisationName") ? text(item, "organisationName") : text(item, "organisation"));
        return new MonitoredAgreement(agreement, read(item.get("returns"), m -> returnRecord(id, m)), milestones,
                instalments, optional(item, "termination", MonitoringItems::act), number(item, VERSION),
                optional(item, "acceptance", MonitoringItems::act),
                optional(item, SETTINGS, MonitoringItems::settings).orElse(MonitoringSettings.STANDARD));
    }

    /** The reminders planned for the agreement, as its record holds them: what the day index points at. */
    static List<Reminder> planned(Map<String, AttributeValue> item) {
        String id = text(item, "agreementId");
        return read(item.get(PLANNED), m -> reminder(id, m));
    }

    private static AttributeValue instalment(InstalmentRecord record) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("number", n(record.number()));
        m.put("due", day(record.instalment().due()));
        m.put("pence", n(record.instalment().pence()));
        record.paidOn().ifPresent(on -> m.put("paidOn", day(on)));
        record.manualHold().ifPresent(hold -> m.put("manualHold", act(hold)));
        m.put("heldByLastRun", AttributeValue.fromBool(record.heldByLastRun()));
        record.overrideRequest().ifPresent(request -> m.put("overrideRequest", act(request)));
        record.override().ifPresent(approved -> m.put("override",
                map(Map.of("request", act(approved.request()), "approvedBy", s(approved.approvedBy())))));
        return map(m);
    }

    private static InstalmentRecord instalment(Map<String, AttributeValue> m) {
        return new InstalmentRecord(new Agreement.Instalment((int) number(m, "number"), date(m, "due"),
                number(m, "pence")), optionalDate(m, "paidOn"), optional(m, "manualHold", MonitoringItems::act),
                m.get("heldByLastRun").bool(), optional(m, "overrideRequest", MonitoringItems::act),
                optional(m, "override", o -> new grants.core.monitoring.Override(act(o.get("request").m()), text(o, "approvedBy"))));
    }

    private static AttributeValue milestone(MilestoneRecord record) {
        Agreement.Milestone milestone = record.milestone();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(milestone.id()));
        m.put("originalDue", day(milestone.due()));
        m.put("description", s(milestone.description()));
        m.put("gates", list(List.copyOf(milestone.gates()), gate -> n(gate)));
        m.put("due", day(record.due()));
        m.put("variations", list(record.variations(), MonitoringItems::variation));
        record.achieved().ifPresent(achieved -> m.put("achieved", act(achieved)));
        record.waived().ifPresent(waived -> m.put("waived", act(waived)));
        return map(m);
    }

    private static MilestoneRecord milestone(Map<String, AttributeValue> m) {
        Agreement.Milestone milestone = new Agreement.Milestone(text(m, "id"), date(m, "originalDue"),
                text(m, "description"), new TreeSet<>(m.get("gates").l().stream()
                .map(gate -> Integer.parseInt(gate.n())).toList()));
        return new MilestoneRecord(milestone, date(m, "due"), read(m.get("variations"), MonitoringItems::variation),
                optional(m, "achieved", MonitoringItems::act), optional(m, "waived", MonitoringItems::act));
    }

    private static AttributeValue returnRecord(ReturnRecord record) {
        ReturnPlan plan = record.plan();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(plan.id()));
        m.put("kind", s(plan.kind().name()));
        m.put("place", n(plan.place()));
        m.put("quarterStart", day(plan.quarterStart()));
        m.put("quarterEnd", day(plan.quarterEnd()));
        m.put("opensOn", day(plan.opensOn()));
        m.put("originalDue", day(plan.originalDue()));
        m.put("due", day(record.due()));
        m.put("variations", list(record.variations(), MonitoringItems::variation));
        m.put("versions", list(record.versions(), MonitoringItems::submission));
        m.put("reviews", list(record.reviews(), MonitoringItems::review));
        record.skip().ifPresent(skip -> m.put("skip", act(skip)));
        record.draft().ifPresent(draft -> m.put("draft", submission(draft)));
        return map(m);
    }

    private static ReturnRecord returnRecord(String agreementId, Map<String, AttributeValue> m) {
        ReturnPlan plan = new ReturnPlan(text(m, "id"), agreementId, ReturnPlan.Kind.valueOf(text(m, "kind")),
                (int) number(m, "place"), date(m, "quarterStart"), date(m, "quarterEnd"), date(m, "opensOn"),
                date(m, "originalDue"));
        return new ReturnRecord(plan, date(m, "due"), read(m.get("variations"), MonitoringItems::variation),
                read(m.get("versions"), MonitoringItems::submission), read(m.get("reviews"), MonitoringItems::review),
                optional(m, "skip", MonitoringItems::act), optional(m, "draft", MonitoringItems::submission));
    }

    /** A submitted version: each output a whole number under its measure's name. */
    private static AttributeValue submission(Submission version) {
        Map<String, AttributeValue> outputs = new HashMap<>();
        version.outputs().forEach((measure, value) -> outputs.put(measure, n(value)));
        Map<String, AttributeValue> m = new HashMap<>(Map.of("on", day(version.on()), "by", s(version.by()),
                "outputs", map(outputs)));
        putText(m, "achieved", version.achieved());
        putText(m, "next", version.next());
        if (!version.milestoneEvidence().isEmpty()) {
            Map<String, AttributeValue> evidence = new HashMap<>();
            version.milestoneEvidence().forEach((milestone, text) -> evidence.put(milestone, s(text)));
            m.put("milestoneEvidence", map(evidence));
        }
        return map(m);
    }

    private static Submission submission(Map<String, AttributeValue> m) {
        Map<String, Long> outputs = new TreeMap<>();
        m.get("outputs").m().forEach((measure, value) -> outputs.put(measure, Long.parseLong(value.n())));
        Map<String, String> evidence = new TreeMap<>();
        if (m.containsKey("milestoneEvidence")) {
            m.get("milestoneEvidence").m().forEach((milestone, text) -> evidence.put(milestone, text.s()));
        }
        return new Submission(date(m, "on"), text(m, "by"), outputs, text(m, "achieved"), text(m, "next"), evidence);
    }

    private static AttributeValue review(Review review) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("on", day(review.on()), "by", s(review.by()),
                "accepted", AttributeValue.fromBool(review.accepted())));
        putText(m, "reason", review.reason());
        return map(m);
    }

    private static Review review(Map<String, AttributeValue> m) {
        return new Review(date(m, "on"), text(m, "by"), m.get("accepted").bool(), text(m, "reason"));
    }

    private static AttributeValue variation(Variation variation) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("on", day(variation.on()), "by", s(variation.by()),
                "from", day(variation.from()), "to", day(variation.to())));
        putText(m, "reason", variation.reason());
        return map(m);
    }

    private static Variation variation(Map<String, AttributeValue> m) {
        return new Variation(date(m, "on"), text(m, "by"), date(m, "from"), date(m, "to"), text(m, "reason"));
    }

    static AttributeValue act(Act act) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("on", day(act.on()), "by", s(act.by())));
        putText(m, "words", act.words());
        return map(m);
    }

    static Act act(Map<String, AttributeValue> m) {
        return new Act(date(m, "on"), text(m, "by"), text(m, "words"));
    }

    /** A planned reminder inside its agreement's record (its agreement is the record's). */
    private static AttributeValue reminder(Reminder reminder) {
        return map(Map.of("id", s(reminder.id()), "returnId", s(reminder.returnId()), "rule", s(reminder.rule()),
                "audience", s(reminder.audience().name()), "dueDate", day(reminder.dueDate()),
                "plannedOn", day(reminder.plannedOn())));
    }

    private static Reminder reminder(String agreementId, Map<String, AttributeValue> m) {
        return new Reminder(text(m, "id"), agreementId, text(m, "returnId"), text(m, "rule"),
                MonitoringSettings.Audience.valueOf(text(m, "audience")), date(m, "dueDate"), date(m, "plannedOn"));
    }

    // ---- the indexes ----

    /** An organisation in the list of organisations with an agreement. */
    static Map<String, AttributeValue> organisationListed(String organisation) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.AGREEMENT_ORGANISATIONS,
                Keys.organisation(organisation), SCHEMA_VERSION);
        item.put("organisation", s(organisation));
        return item;
    }

    /** An agreement in its organisation's list. */
    static Map<String, AttributeValue> ofOrganisation(String organisation, String agreementId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.agreementsOf(organisation), Keys.agreement(agreementId),
                SCHEMA_VERSION);
        item.put("agreementId", s(agreementId));
        return item;
    }

    /** The day index: this agreement has (or had) a reminder planned on this day. */
    /**
     * The index's pointer of an agreement at the first day of these reminders, and that day's listing:
     * none when there are no reminders. What entering an agreement or adding reminders to it writes.
     */
    static List<Map<String, AttributeValue>> firstDayPointer(String agreementId, List<Reminder> reminders) {
        return reminders.stream().map(Reminder::plannedOn).min(LocalDate::compareTo)
                .map(day -> List.of(remindedOn(day, agreementId), dayListed(day))).orElse(List.of());
    }

    static Map<String, AttributeValue> remindedOn(LocalDate day, String agreementId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.remindersOn(day), Keys.agreement(agreementId),
                SCHEMA_VERSION);
        item.put("agreementId", s(agreementId));
        return item;
    }

    /**
     * A day in the list of days with reminders still to handle. Every write of it carries a new
     * {@code stamp}, so the daily run clears only a day nobody has planned on since it read it.
     */
    static Map<String, AttributeValue> dayListed(LocalDate day) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.REMINDER_DAYS, Keys.day(day), SCHEMA_VERSION);
        item.put("day", day(day));
        item.put(DAY_STAMP, s(UUID.randomUUID().toString()));
        return item;
    }

    static DueReminders.ListedDay listedDay(Map<String, AttributeValue> item) {
        return new DueReminders.ListedDay(LocalDate.parse(text(item, "day")),
                item.containsKey(DAY_STAMP) ? item.get(DAY_STAMP).s() : "");
    }

    // ---- the ledger ----

    static Map<String, AttributeValue> ledgerEntry(LedgerEntry entry) {
        Reminder reminder = entry.reminder();
        Map<String, AttributeValue> item = GrantsTable.item(Keys.ledger(reminder.agreementId()),
                Keys.ledgerEntry(reminder.id()), SCHEMA_VERSION);
        item.put("agreementId", s(reminder.agreementId()));
        item.put("reminder", reminder(reminder));
        item.put("handledOn", day(entry.handledOn()));
        item.put("outcome", s(entry.outcome().name()));
        entry.reason().ifPresent(reason -> item.put("reason", s(reason.name())));
        item.put("recipients", strings(entry.recipients()));
        return item;
    }

    static LedgerEntry ledgerEntry(Map<String, AttributeValue> item) {
        return new LedgerEntry(reminder(text(item, "agreementId"), item.get("reminder").m()), date(item, "handledOn"),
                LedgerEntry.Outcome.valueOf(text(item, "outcome")),
                Optional.ofNullable(text(item, "reason")).map(LedgerEntry.Suppression::valueOf),
                strings(item, "recipients"));
    }

    // ---- monitoring settings: an agreement's own, and those a scope's manager keeps ----

    static Map<String, AttributeValue> scopeSettings(String scopeId, MonitoringSettings settings) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.monitoringSettings(scopeId), Keys.SETTINGS_ITEM,
                SCHEMA_VERSION);
        item.put(SETTINGS, settings(settings));
        item.put(SETTINGS_IN_WORDS, s(settings.words()));
        return item;
    }

    static MonitoringSettings scopeSettings(Map<String, AttributeValue> item) {
        return settings(item.get(SETTINGS).m());
    }

    private static AttributeValue settings(MonitoringSettings settings) {
        return map(Map.of("returnDueWorkingDays", n(settings.returnDueWorkingDays()),
                "finalReturnDueWorkingDays", n(settings.finalReturnDueWorkingDays()),
                "holdGraceWorkingDays", n(settings.holdGraceWorkingDays()),
                "holdAcrossAgreements", AttributeValue.fromBool(settings.holdAcrossAgreements()),
                "retainFinalInstalment", AttributeValue.fromBool(settings.retainFinalInstalment()),
                "reminders", list(settings.reminders(), rule -> map(Map.of("id", s(rule.id()),
                        "offsetWorkingDays", n(rule.offsetWorkingDays()), "audience", s(rule.audience().name()))))));
    }

    private static MonitoringSettings settings(Map<String, AttributeValue> m) {
        return new MonitoringSettings((int) number(m, "returnDueWorkingDays"), (int) number(m, "finalReturnDueWorkingDays"),
                (int) number(m, "holdGraceWorkingDays"), m.get("holdAcrossAgreements").bool(),
                m.get("retainFinalInstalment").bool(),
                read(m.get("reminders"), rule -> new MonitoringSettings.ReminderRule(text(rule, "id"),
                        (int) number(rule, "offsetWorkingDays"),
                        MonitoringSettings.Audience.valueOf(text(rule, "audience")))));
    }

    // ---- bank holidays ----

    static Map<String, AttributeValue> bankHolidays(String calendarId, List<LocalDate> days) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.calendar(calendarId), Keys.BANK_HOLIDAYS_ITEM,
                SCHEMA_VERSION);
        item.put("days", list(days.stream().sorted().toList(), MonitoringItems::day));
        return item;
    }

    static List<LocalDate> bankHolidays(Map<String, AttributeValue> item) {
        return strings(item, "days").stream().map(LocalDate::parse).toList();
    }

    // ---- people's addresses ----

    static Map<String, AttributeValue> personAddress(String personId, String email) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.person(personId), Keys.PERSON_ADDRESS_ITEM,
                SCHEMA_VERSION);
        item.put("email", s(email));
        return item;
    }

    static String email(Map<String, AttributeValue> item) {
        return text(item, "email");
    }

    // ---- helpers ----

    private static AttributeValue day(LocalDate day) {
        return s(day.toString());
    }

    private static LocalDate date(Map<String, AttributeValue> m, String name) {
        return LocalDate.parse(text(m, name));
    }

    private static Optional<LocalDate> optionalDate(Map<String, AttributeValue> m, String name) {
        return Optional.ofNullable(text(m, name)).map(LocalDate::parse);
    }

    private static void putText(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static AttributeValue map(Map<String, AttributeValue> m) {
        return AttributeValue.fromM(m);
    }

    private static <T> AttributeValue list(List<T> values, Function<T, AttributeValue> each) {
        return AttributeValue.fromL(values.stream().map(each).toList());
    }

    private static <T> List<T> read(AttributeValue list, Function<Map<String, AttributeValue>, T> each) {
        return list == null ? List.of() : list.l().stream().map(AttributeValue::m).map(each).toList();
    }

    private static <T> Optional<T> optional(Map<String, AttributeValue> m, String name,
                                            Function<Map<String, AttributeValue>, T> read) {
        AttributeValue value = m.get(name);
        return value == null ? Optional.empty() : Optional.of(read.apply(value.m()));
    }
}
