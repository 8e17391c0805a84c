package grants.adapters.dynamodb;

import grants.core.governance.Act;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceStore;
import grants.core.governance.Meeting;
import grants.core.governance.Quorum;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.RequestKey;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Governance's records to and from their items, in the register's partition: native attributes
 * only (lists and maps, never a JSON string), days as ISO text, an absent value with no attribute.
 * A decision's terms are a map with its {@code kind} and that kind's fields alone.
 */
final class GovernanceItems {

    static final int SCHEMA_VERSION = 1;
    static final String VERSION = "version";

    private GovernanceItems() {
    }

    // ---- bodies and meetings ----

    static Map<String, AttributeValue> body(String registerId, Body body) {
        Map<String, AttributeValue> item = item(registerId, Keys.governedBody(body.id()));
        item.put("bodyId", s(body.id()));
        item.put("name", s(body.name()));
        item.put("kind", s(body.kind().name()));
        optional(item, "theme", body.theme());
        item.put("decisionMaking", AttributeValue.fromBool(body.decisionMaking()));
        item.put("quorum", n(body.quorum()));
        item.put("members", list(body.members(), member -> {
            Map<String, AttributeValue> m = map("person", member.person(), "role", member.role().name());
            optional(m, "organisation", member.organisation());
            return AttributeValue.fromM(m);
        }));
        return item;
    }

    static Body body(Map<String, AttributeValue> item) {
        return new Body(text(item, "bodyId"), text(item, "name"), Body.Kind.valueOf(text(item, "kind")),
                optional(item, "theme"), item.get("decisionMaking").bool(), (int) number(item, "quorum"),
                each(item, "members", m -> new Body.Member(text(m, "person"), Body.Role.valueOf(text(m, "role")),
                        optional(m, "organisation"))));
    }

    static Map<String, AttributeValue> meeting(String registerId, Meeting meeting) {
        Map<String, AttributeValue> item = item(registerId, Keys.governedMeeting(meeting.body(), meeting.date()));
        item.put("bodyId", s(meeting.body()));
        item.put("date", s(meeting.date().toString()));
        item.put("present", strings(meeting.present()));
        return item;
    }

    static Meeting meeting(Map<String, AttributeValue> item) {
        return new Meeting(text(item, "bodyId"), day(item, "date"), strings(item, "present"));
    }

    /** A register in the list of registers with governance, which the daily run reads. */
    static Map<String, AttributeValue> governedRegister(String registerId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.GOVERNED_REGISTERS, Keys.governedRegister(registerId),
                SCHEMA_VERSION);
        item.put("registerId", s(registerId));
        return item;
    }

    // ---- decisions ----

    static Map<String, AttributeValue> decision(String registerId, Decision decision) {
        Map<String, AttributeValue> item = item(registerId, Keys.governedDecision(decision.id()));
        item.put("decisionId", s(decision.id()));
        item.put("bodyId", s(decision.body()));
        item.put("meeting", s(decision.meeting().toString()));
        item.put("item", s(decision.item()));
        optional(item, "about", decision.about());
        item.put("declared", strings(decision.declared()));
        optional(item, "exempt", decision.exempt().map(Enum::name));
        item.put("terms", AttributeValue.fromM(terms(decision.terms())));
        Quorum quorum = decision.quorum();
        item.put("quorum", AttributeValue.fromM(Map.of("voting", strings(quorum.voting()),
                "conflicted", strings(quorum.conflicted()), "undeclared", strings(quorum.undeclared()),
                "quorateMembers", n(quorum.quorateMembers()), "needed", n(quorum.needed()))));
        item.put("recordedBy", s(decision.recordedBy()));
        return item;
    }

    static Decision decision(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> quorum = item.get("quorum").m();
        return new Decision(text(item, "decisionId"), text(item, "bodyId"), day(item, "meeting"), text(item, "item"),
                optional(item, "about"), strings(item, "declared"),
                optional(item, "exempt").map(Decision.Exempt::valueOf), terms(item.get("terms").m()),
                new Quorum(strings(quorum, "voting"), strings(quorum, "conflicted"), strings(quorum, "undeclared"),
                        (int) number(quorum, "quorateMembers"), (int) number(quorum, "needed")),
                text(item, "recordedBy"));
    }

    private static Map<String, AttributeValue> terms(Terms terms) {
        Map<String, AttributeValue> m = map("kind", terms.kind().name());
        if (terms instanceof Terms.Action action) {
            m.putAll(map("owner", action.owner(), "due", action.due().toString(), "criterion", action.criterion()));
        } else if (terms instanceof Terms.Recommendation recommendation) {
            m.putAll(map("to", recommendation.to(), "text", recommendation.text()));
        } else if (terms instanceof Terms.Noted noted) {
            m.putAll(map("reason", noted.reason()));
        } else if (terms instanceof Terms.Variation variation) {
            m.putAll(map("action", variation.action(), "due", variation.due().toString(), "reason", variation.reason()));
        } else if (terms instanceof Terms.Drop drop) {
            m.putAll(map("action", drop.action(), "reason", drop.reason()));
        } else if (terms instanceof Terms.Report report) {
            m.put("review", s(report.review()));
            m.put("recommendations", list(report.recommendations(), r -> AttributeValue.fromM(map("id", r.id(),
                    "finding", r.finding(), "to", r.to(), "text", r.text()))));
        }
        return m;
    }

    private static Terms terms(Map<String, AttributeValue> m) {
        return switch (Terms.Kind.valueOf(text(m, "kind"))) {
            case ACTION -> new Terms.Action(text(m, "owner"), day(m, "due"), text(m, "criterion"));
            case RECOMMENDATION -> new Terms.Recommendation(text(m, "to"), text(m, "text"));
            case NOTED -> new Terms.Noted(text(m, "reason"));
            case VARIATION -> new Terms.Variation(text(m, "action"), day(m, "due"), text(m, "reason"));
            case DROP -> new Terms.Drop(text(m, "action"), text(m, "reason"));
            case REPORT -> new Terms.Report(text(m, "review"), each(m, "recommendations",
                    r -> new Terms.ReportRecommendation(text(r, "id"), text(r, "finding"), text(r, "to"),
                            text(r, "text"))));
        };
    }

    // ---- actions, recommendations, reviews ----

    static Map<String, AttributeValue> action(String registerId, ActionRecord action) {
        Map<String, AttributeValue> item = item(registerId, Keys.governedAction(action.id()));
        item.putAll(map("actionId", action.id(), "source", action.source(), "decidedBy", action.decidedBy(),
                "owner", action.owner(), "madeOn", action.madeOn().toString(),
                "originalDue", action.originalDue().toString(), "criterion", action.criterion()));
        item.put("variations", list(action.variations(), v -> AttributeValue.fromM(map("decision", v.decision(),
                "on", v.on().toString(), "due", v.due().toString(), "reason", v.reason()))));
        item.put("updates", list(action.updates(), update -> act(update)));
        action.completed().ifPresent(act -> item.put("completed", act(act)));
        action.dropped().ifPresent(act -> item.put("dropped", act(act)));
        optional(item, "escalatedOn", action.escalatedOn().map(LocalDate::toString));
        item.put(VERSION, n(action.version()));
        return item;
    }

    static ActionRecord action(Map<String, AttributeValue> item) {
        return new ActionRecord(text(item, "actionId"), text(item, "source"), text(item, "decidedBy"),
                text(item, "owner"), day(item, "madeOn"), day(item, "originalDue"), text(item, "criterion"),
                each(item, "variations", v -> new ActionRecord.DueChange(text(v, "decision"), day(v, "on"),
                        day(v, "due"), text(v, "reason"))),
                each(item, "updates", m -> act(m)), optionalAct(item, "completed"),
                optionalAct(item, "dropped"), optional(item, "escalatedOn").map(LocalDate::parse),
                number(item, VERSION));
    }

    static Map<String, AttributeValue> recommendation(String registerId, RecommendationRecord recommendation) {
        Map<String, AttributeValue> item = item(registerId, Keys.recommendation(recommendation.id()));
        item.putAll(map("recommendationId", recommendation.id(), "source", recommendation.source(),
                "bodyId", recommendation.body(), "to", recommendation.to(),
                "meeting", recommendation.meeting().toString(), "text", recommendation.text(),
                "responseDue", recommendation.responseDue().toString()));
        recommendation.response().ifPresent(r -> {
            Map<String, AttributeValue> m = map("on", r.on().toString(), "by", r.by(), "answer", r.answer().name(),
                    "reason", r.reason());
            m.put("actions", strings(r.actions()));
            item.put("response", AttributeValue.fromM(m));
        });
        item.put(VERSION, n(recommendation.version()));
        return item;
    }

    static RecommendationRecord recommendation(Map<String, AttributeValue> item) {
        Optional<RecommendationRecord.Response> response = Optional.ofNullable(item.get("response"))
                .map(AttributeValue::m).map(r -> new RecommendationRecord.Response(day(r, "on"), text(r, "by"),
                        RecommendationRecord.Answer.valueOf(text(r, "answer")), text(r, "reason"),
                        strings(r, "actions")));
        return new RecommendationRecord(text(item, "recommendationId"), text(item, "source"), text(item, "bodyId"),
                text(item, "to"), day(item, "meeting"), text(item, "text"), day(item, "responseDue"), response,
                number(item, VERSION));
    }

    static Map<String, AttributeValue> review(String registerId, ReviewRecord review) {
        Map<String, AttributeValue> item = item(registerId, Keys.review(review.id()));
        item.put("reviewId", s(review.id()));
        item.put("bodyId", s(review.body()));
        item.put("indicators", strings(review.indicators()));
        item.put("scoped", act(review.scoped()));
        item.put("evidence", list(review.evidence(), e -> AttributeValue.fromM(map("id", e.id(),
                "kind", e.kind().name(), "summary", e.summary(), "on", e.on().toString(), "by", e.by()))));
        item.put("findings", list(review.findings(), f -> {
            Map<String, AttributeValue> m = map("id", f.id(), "text", f.text(), "on", f.on().toString(), "by", f.by());
            m.put("evidence", strings(f.evidence()));
            return AttributeValue.fromM(m);
        }));
        review.report().ifPresent(r -> {
            Map<String, AttributeValue> m = map("decision", r.decision(), "on", r.on().toString());
            m.put("recommendations", strings(r.recommendations()));
            item.put("report", AttributeValue.fromM(m));
        });
        item.put(VERSION, n(review.version()));
        return item;
    }

    static ReviewRecord review(Map<String, AttributeValue> item) {
        return new ReviewRecord(text(item, "reviewId"), text(item, "bodyId"), strings(item, "indicators"),
                act(item.get("scoped").m()),
                each(item, "evidence", e -> new ReviewRecord.Evidence(text(e, "id"),
                        ReviewRecord.EvidenceKind.valueOf(text(e, "kind")), text(e, "summary"), day(e, "on"),
                        text(e, "by"))),
                each(item, "findings", f -> new ReviewRecord.Finding(text(f, "id"), text(f, "text"),
                        strings(f, "evidence"), day(f, "on"), text(f, "by"))),
                Optional.ofNullable(item.get("report")).map(AttributeValue::m).map(r -> new ReviewRecord.Reported(
                        text(r, "decision"), day(r, "on"), strings(r, "recommendations"))),
                number(item, VERSION));
    }

    // ---- the daily run's index and ledger, and the ids taken ----

    /** An open action not yet escalated, under its current due day. */
    static Map<String, AttributeValue> due(String registerId, ActionRecord action) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.actionsDue(registerId),
                Keys.actionDue(action.due(), action.id()), SCHEMA_VERSION);
        item.put("actionId", s(action.id()));
        return item;
    }

    static String dueAction(Map<String, AttributeValue> item) {
        return text(item, "actionId");
    }

    static Map<String, AttributeValue> escalation(String registerId, Escalation escalation) {
        Map<String, AttributeValue> item = item(registerId, Keys.escalation(escalation.action()));
        item.putAll(map("actionId", escalation.action(), "on", escalation.on().toString()));
        item.put("workingDaysOverdue", n(escalation.workingDaysOverdue()));
        item.put("recipients", strings(escalation.recipients()));
        item.put("due", s(escalation.due().toString()));
        item.put("addresses", strings(escalation.addresses()));
        item.put("withoutAddress", strings(escalation.withoutAddress()));
        return item;
    }

    /** A row written before escalations were emailed has no {@code due} (null) and no addresses: it never had an email. */
    static Escalation escalation(Map<String, AttributeValue> item) {
        return new Escalation(text(item, "actionId"), day(item, "on"), (int) number(item, "workingDaysOverdue"),
                strings(item, "recipients"), optional(item, "due").map(LocalDate::parse).orElse(null),
                strings(item, "addresses"), strings(item, "withoutAddress"));
    }

    /** An id taken by a record, or by evidence or a finding inside the review {@code heldBy}. */
    static Map<String, AttributeValue> takenId(String registerId, String id, String heldBy) {
        Map<String, AttributeValue> item = item(registerId, Keys.takenId(id));
        item.putAll(map("id", id, "heldBy", heldBy));
        return item;
    }

    /** A change made under a client's key: the key (its caller's), the request's fingerprint and the record. */
    static Map<String, AttributeValue> requested(String registerId, GovernanceStore.Requested requested) {
        Map<String, AttributeValue> item = item(registerId, Keys.idempotency(requested.request().key()));
        item.putAll(map("key", requested.request().key(), "fingerprint", requested.request().fingerprint(),
                "subject", requested.subject()));
        return item;
    }

    static GovernanceStore.Requested requested(Map<String, AttributeValue> item) {
        return new GovernanceStore.Requested(new RequestKey(text(item, "key"), text(item, "fingerprint")),
                text(item, "subject"));
    }

    // ---- helpers ----

    private static Map<String, AttributeValue> item(String registerId, String sk) {
        return GrantsTable.item(Keys.governance(registerId), sk, SCHEMA_VERSION);
    }

    private static AttributeValue act(Act act) {
        return AttributeValue.fromM(map("on", act.on().toString(), "by", act.by(), "words", act.words()));
    }

    private static Act act(Map<String, AttributeValue> m) {
        return new Act(day(m, "on"), text(m, "by"), text(m, "words"));
    }

    private static Optional<Act> optionalAct(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(value -> act(value.m()));
    }

    /** A map of text attributes, given as name, value, name, value. */
    private static Map<String, AttributeValue> map(String... namesAndValues) {
        Map<String, AttributeValue> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], s(namesAndValues[i + 1]));
        }
        return m;
    }

    private static void optional(Map<String, AttributeValue> item, String name, Optional<String> value) {
        value.ifPresent(v -> item.put(name, s(v)));
    }

    private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(text(item, name));
    }

    private static LocalDate day(Map<String, AttributeValue> item, String name) {
        return LocalDate.parse(text(item, name));
    }

    private static <T> AttributeValue list(List<T> values, Function<T, AttributeValue> each) {
        return AttributeValue.fromL(values.stream().map(each).toList());
    }

    private static <T> List<T> each(Map<String, AttributeValue> item, String name,
                                    Function<Map<String, AttributeValue>, T> read) {
        AttributeValue value = item.get(name);
        return value == null ? List.of() : value.l().stream().map(AttributeValue::m).map(read).toList();
    }
}
