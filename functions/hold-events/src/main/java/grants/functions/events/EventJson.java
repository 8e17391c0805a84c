package grants.functions.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.events.EventForm;
import grants.core.events.EventRoll;
import grants.core.events.EventService;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.Participation;
import grants.core.events.Registration;
import grants.core.events.SetNote;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.documents.Json;

import java.util.ArrayList;
import java.util.List;

/** Events, registrations, sets and notes as the API represents them; request bodies read with each bad field named. */
final class EventJson {

    private EventJson() {
    }

    static EventForm readEvent(JsonNode body) {
        object(body);
        return new EventForm(text(body, "kind"), text(body, "title"), text(body, "topic"), text(body, "date"),
                text(body, "starts"), text(body, "ends"), text(body, "place"), text(body, "onlineLink"),
                text(body, "capacity"), texts(body, "facilitators"), text(body, "facilitatorDays"), texts(body, "presenters"),
                text(body, "setId"), text(body, "cost"));
    }

    static EventService.Person readPerson(JsonNode body) {
        object(body);
        return new EventService.Person(text(body, "partnershipId"), text(body, "name"), text(body, "email"));
    }

    static List<EventService.Person> readInvitees(JsonNode body) {
        object(body);
        List<EventService.Person> invitees = new ArrayList<>();
        body.path("invitees").forEach(invitee -> invitees.add(new EventService.Person(null, text(invitee, "name"),
                text(invitee, "email"))));
        return invitees;
    }

    static List<String> readAttended(JsonNode body) {
        object(body);
        return texts(body, "attended");
    }

    static LearningSet readSet(JsonNode body, String setId) {
        object(body);
        List<LearningSet.Member> members = new ArrayList<>();
        body.path("members").forEach(member -> members.add(new LearningSet.Member(text(member, "partnershipId"),
                text(member, "name"), text(member, "email"))));
        return new LearningSet(setId, text(body, "name"), text(body, "facilitator"), members);
    }

    static String readNote(JsonNode body) {
        object(body);
        return text(body, "text");
    }

    static ObjectNode event(LearningEvent event) {
        ObjectNode json = Json.object();
        json.put("eventId", event.id());
        json.put("kind", event.kind().name());
        json.put("title", event.title());
        json.put("topic", event.topic());
        json.put("date", event.date().toString());
        json.put("starts", event.starts().toString());
        json.put("ends", event.ends().toString());
        json.put("place", event.place());
        json.put("onlineLink", event.onlineLink());
        json.put("capacity", event.capacity());
        event.facilitators().forEach(json.putArray("facilitators")::add);
        json.put("facilitatorDays", Days.format(event.facilitatorHalfDays()));
        event.presenters().forEach(json.putArray("presenters")::add);
        event.costPence().ifPresent(pence -> json.put("cost", Money.format(pence)).put("costInWords", Money.pounds(pence)));
        json.put("setId", event.setId());
        return json;
    }

    /** The event with how full it is, and the registrations the caller may see (a member: their partnership's). */
    static ObjectNode roll(EventRoll roll, List<Registration> visible) {
        ObjectNode json = event(roll.event());
        json.put("placesTaken", roll.placesTaken());
        json.put("placesLeft", Math.max(0, roll.event().capacity() - roll.placesTaken()));
        json.put("waiting", roll.waiting().size());
        cancellation(json, roll);
        ArrayNode registrations = json.putArray("registrations");
        visible.forEach(registration -> registrations.add(registration(registration, roll.positionOf(registration.id()))));
        return json;
    }

    /** {@code "cancelled": null}, or why, by whom and when ({@code "onInWords": "5 March 2008 at 9:24am"}). */
    static ObjectNode cancellation(ObjectNode json, EventRoll roll) {
        roll.cancellation().ifPresentOrElse(cancelled -> json.putObject("cancelled").put("reason", cancelled.reason())
                        .put("cancelledBy", cancelled.cancelledBy()).put("at", cancelled.at().toString())
                        .put("atInWords", grants.core.text.InWords.dateTime(cancelled.at())),
                () -> json.putNull("cancelled"));
        return json;
    }

    static String readReason(JsonNode body) {
        object(body);
        return text(body, "reason");
    }

    static ObjectNode registration(Registration registration, int waitingPosition) {
        ObjectNode json = Json.object();
        json.put("registrationId", registration.id());
        json.put("eventId", registration.eventId());
        json.put("partnershipId", registration.partnershipId());
        json.put("name", registration.name());
        json.put("email", registration.email());
        json.put("state", registration.state().name());
        if (waitingPosition > 0) {
            json.put("waitingPosition", waitingPosition);
        } else {
            json.putNull("waitingPosition");
        }
        if (registration.attended() == null) {
            json.putNull("attended");
        } else {
            json.put("attended", registration.attended());
        }
        return json;
    }

    static ObjectNode set(LearningSet set) {
        ObjectNode json = Json.object();
        json.put("setId", set.id());
        json.put("name", set.name());
        json.put("facilitator", set.facilitator());
        ArrayNode members = json.putArray("members");
        set.members().forEach(member -> members.addObject().put("partnershipId", member.partnershipId())
                .put("name", member.name()).put("email", member.email()));
        return json;
    }

    static ObjectNode note(SetNote note) {
        ObjectNode json = Json.object();
        json.put("setId", note.setId());
        json.put("meetingId", note.meetingId());
        json.put("text", note.text());
        json.put("writtenAt", note.writtenAt().toString());
        return json;
    }

    static ObjectNode participation(Participation.PartnershipParticipation participation) {
        ObjectNode json = Json.object();
        json.put("partnershipId", participation.partnershipId());
        json.put("events", participation.events());
        json.put("people", participation.people());
        json.put("attended", participation.attended());
        return json;
    }

    private static void object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
    }

    /** A field's text as sent (a number as its digits), or null when absent; the use case names what is wrong. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() || value.isNumber() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        body.path(field).forEach(value -> values.add(value.isTextual() ? value.asText() : null));
        return values;
    }
}
