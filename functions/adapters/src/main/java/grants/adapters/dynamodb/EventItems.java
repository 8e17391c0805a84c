package grants.adapters.dynamodb;

import grants.core.events.EventCancellation;
import grants.core.events.EventKind;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.Registration;
import grants.core.events.SetNote;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/** Events, registrations, Action Learning Sets and their notes to and from their items: the storage format, apart from the API's. */
final class EventItems {

    static final int SCHEMA_VERSION = 1;
    static final String VERSION = "version";
    /** An event's cost in pence, only on an event that has one. */
    private static final String COST_PENCE = "costPence";

    private EventItems() {
    }

    static Map<String, AttributeValue> event(String programmeId, LearningEvent event) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.events(programmeId), Keys.event(event.id()), SCHEMA_VERSION);
        item.put("eventId", s(event.id()));
        item.put("kind", s(event.kind().name()));
        item.put("title", s(event.title()));
        item.put("topic", s(event.topic()));
        item.put("date", s(event.date().toString()));
        item.put("starts", s(event.starts().toString()));
        item.put("ends", s(event.ends().toString()));
        putIfPresent(item, "place", event.place());
        putIfPresent(item, "onlineLink", event.onlineLink());
        item.put("capacity", n(event.capacity()));
        item.put("facilitators", strings(event.facilitators()));
        item.put("facilitatorHalfDays", n(event.facilitatorHalfDays()));
        item.put("presenters", strings(event.presenters()));
        putIfPresent(item, "setId", event.setId());
        event.costPence().ifPresent(pence -> item.put(COST_PENCE, n(pence)));
        item.put(VERSION, n(0));
        return item;
    }

    static LearningEvent event(Map<String, AttributeValue> item) {
        return new LearningEvent(text(item, "eventId"), EventKind.valueOf(text(item, "kind")), text(item, "title"),
                text(item, "topic"), LocalDate.parse(text(item, "date")), LocalTime.parse(text(item, "starts")),
                LocalTime.parse(text(item, "ends")), text(item, "place"), text(item, "onlineLink"),
                (int) number(item, "capacity"), strings(item, "facilitators"), (int) number(item, "facilitatorHalfDays"),
                strings(item, "presenters"), text(item, "setId"),
                Optional.ofNullable(item.get(COST_PENCE)).map(cost -> Long.parseLong(cost.n())));
    }

    /** A cancelled event's item also holds why, by whom and when ({@code cancelledAt}). */
    static final String CANCELLED_AT = "cancelledAt";
    static final String CANCELLED_BY = "cancelledBy";
    static final String CANCEL_REASON = "cancelReason";

    static Optional<EventCancellation> cancellation(Map<String, AttributeValue> item) {
        return item.containsKey(CANCELLED_AT) ? Optional.of(new EventCancellation(text(item, CANCEL_REASON),
                text(item, CANCELLED_BY), Instant.parse(text(item, CANCELLED_AT)))) : Optional.empty();
    }

    static boolean isEvent(Map<String, AttributeValue> item) {
        return item.containsKey(VERSION);
    }

    static Map<String, AttributeValue> registration(String programmeId, Registration registration) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.events(programmeId),
                Keys.registration(registration.eventId(), registration.id()), SCHEMA_VERSION);
        item.put("registrationId", s(registration.id()));
        item.put("eventId", s(registration.eventId()));
        item.put("partnershipId", s(registration.partnershipId()));
        item.put("name", s(registration.name()));
        item.put("email", s(registration.email()));
        item.put("state", s(registration.state().name()));
        item.put("ticket", n(registration.ticket()));
        item.put("registeredAt", s(registration.registeredAt().toString()));
        item.put("registeredBy", s(registration.registeredBy()));
        if (registration.attended() != null) {
            item.put("attended", AttributeValue.fromBool(registration.attended()));
        }
        return item;
    }

    static boolean isRegistration(Map<String, AttributeValue> item) {
        return item.containsKey("registrationId");
    }

    static Registration registration(Map<String, AttributeValue> item) {
        AttributeValue attended = item.get("attended");
        return new Registration(text(item, "registrationId"), text(item, "eventId"), text(item, "partnershipId"),
                text(item, "name"), text(item, "email"), Registration.State.valueOf(text(item, "state")),
                number(item, "ticket"), Instant.parse(text(item, "registeredAt")), text(item, "registeredBy"),
                attended == null ? null : attended.bool());
    }

    static Map<String, AttributeValue> sent(String programmeId, String eventId, String once, Instant at) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.events(programmeId), Keys.eventSent(eventId, once),
                SCHEMA_VERSION);
        item.put("eventId", s(eventId));
        item.put("sentAt", s(at.toString()));
        return item;
    }

    static Map<String, AttributeValue> set(String programmeId, LearningSet set) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.events(programmeId), Keys.learningSet(set.id()), SCHEMA_VERSION);
        item.put("setId", s(set.id()));
        item.put("name", s(set.name()));
        item.put("facilitator", s(set.facilitator()));
        item.put("members", AttributeValue.fromL(set.members().stream().map(member -> AttributeValue.fromM(Map.of(
                "partnershipId", s(member.partnershipId()), "name", s(member.name() == null ? "" : member.name()),
                "email", s(member.email())))).toList()));
        return item;
    }

    static LearningSet set(Map<String, AttributeValue> item) {
        return new LearningSet(text(item, "setId"), text(item, "name"), text(item, "facilitator"),
                item.get("members").l().stream().map(AttributeValue::m).map(member -> new LearningSet.Member(
                        text(member, "partnershipId"), text(member, "name"), text(member, "email"))).toList());
    }

    static Map<String, AttributeValue> note(String programmeId, SetNote note) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.events(programmeId), Keys.setNote(note.setId(),
                note.meetingId()), SCHEMA_VERSION);
        item.put("setId", s(note.setId()));
        item.put("meetingId", s(note.meetingId()));
        item.put("text", s(note.text()));
        item.put("writtenAt", s(note.writtenAt().toString()));
        item.put("writtenBy", s(note.writtenBy()));
        return item;
    }

    static SetNote note(Map<String, AttributeValue> item) {
        return new SetNote(text(item, "setId"), text(item, "meetingId"), text(item, "text"),
                Instant.parse(text(item, "writtenAt")), text(item, "writtenBy"));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
