package grants.functions.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.events.ActionLearningSets;
import grants.core.events.CalendarFile;
import grants.core.events.EventRoll;
import grants.core.events.EventService;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.Participation;
import grants.core.events.Registration;
import grants.core.events.SetNote;
import grants.core.exports.ExportFile;
import grants.documents.CsvFile;
import grants.documents.Json;
import grants.http.Access;
import grants.http.HttpResponses;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.access.Role.ADVISER;
import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.PARTNERSHIP_MEMBER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.pathId;

/** The events routes: read the request, call the use case, write the JSON, the calendar file or the CSV. */
final class EventRoutes {

    private static final String PROGRAMME = "/programmes/{programmeId}";
    private static final String EVENT = PROGRAMME + "/events/{eventId}";
    private static final String SET = PROGRAMME + "/learning-sets/{setId}";

    static final String LIST = "GET " + PROGRAMME + "/events";
    static final String PUT_EVENT = "PUT " + EVENT;
    static final String GET_EVENT = "GET " + EVENT;
    static final String CALENDAR = "GET " + EVENT + "/calendar.ics";
    static final String REGISTER = "POST " + EVENT + "/registrations";
    static final String CANCEL = "POST " + EVENT + "/registrations/{registrationId}/cancel";
    static final String CANCEL_EVENT = "POST " + EVENT + "/cancel";
    static final String INVITE = "POST " + EVENT + "/invitations";
    static final String ATTENDANCE = "POST " + EVENT + "/attendance";
    static final String REGISTRATIONS_CSV = "GET " + PROGRAMME + "/event-registrations.csv";
    static final String ATTENDANCE_CSV = "GET " + PROGRAMME + "/event-attendance.csv";
    static final String PARTICIPATION = "GET " + PROGRAMME + "/event-participation";
    static final String PUT_SET = "PUT " + SET;
    static final String GET_SET = "GET " + SET;
    static final String NOTES = "GET " + SET + "/notes";
    static final String PUT_NOTE = "PUT " + SET + "/notes/{meetingId}";

    /**
     * Who may call each route; what depends on the stored record (a member's own partnership, an event's
     * facilitator, a set's members) the use cases check.
     */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(LIST, Access.by("see the programme's events", PROGRAMME_MANAGER, AUDITOR, ADVISER, PARTNERSHIP_MEMBER)),
            Map.entry(PUT_EVENT, Access.by("set up an event", PROGRAMME_MANAGER)),
            Map.entry(GET_EVENT, Access.by("see an event", PROGRAMME_MANAGER, AUDITOR, ADVISER, PARTNERSHIP_MEMBER)),
            Map.entry(CALENDAR, Access.by("download an event's calendar file", PROGRAMME_MANAGER, AUDITOR, ADVISER,
                    PARTNERSHIP_MEMBER)),
            Map.entry(REGISTER, Access.by("register for an event", PROGRAMME_MANAGER, PARTNERSHIP_MEMBER)),
            Map.entry(CANCEL, Access.by("cancel a registration", PROGRAMME_MANAGER, PARTNERSHIP_MEMBER)),
            Map.entry(CANCEL_EVENT, Access.by("cancel an event", PROGRAMME_MANAGER)),
            Map.entry(INVITE, Access.by("invite people to an event", PROGRAMME_MANAGER)),
            Map.entry(ATTENDANCE, Access.by("record who attended an event", ADVISER)),
            Map.entry(REGISTRATIONS_CSV, Access.by("download the events' registrations", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(ATTENDANCE_CSV, Access.by("download the events' attendance", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(PARTICIPATION, Access.by("see each partnership's participation in events", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(PUT_SET, Access.by("form an Action Learning Set", PROGRAMME_MANAGER)),
            Map.entry(GET_SET, Access.by("see who is in an Action Learning Set", PROGRAMME_MANAGER, AUDITOR, ADVISER,
                    PARTNERSHIP_MEMBER)),
            Map.entry(NOTES, Access.by("read an Action Learning Set's notes", ADVISER, PARTNERSHIP_MEMBER)),
            Map.entry(PUT_NOTE, Access.by("write an Action Learning Set's notes", ADVISER)));

    static final List<String> ALL = List.copyOf(new java.util.TreeSet<>(ACCESS.keySet()));

    private final EventService events;
    private final ActionLearningSets sets;
    private final Participation participation;
    private final Clock clock;

    EventRoutes(EventService events, ActionLearningSets sets, Participation participation, Clock clock) {
        this.events = events;
        this.sets = sets;
        this.participation = participation;
        this.clock = clock;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        if (!ACCESS.containsKey(routeKey)) {
            return Optional.empty();
        }
        String programmeId = pathId(request, "programmeId");
        return Optional.of(switch (routeKey) {
            case LIST -> list(programmeId);
            case PUT_EVENT -> HttpResponses.json(200, EventJson.event(events.create(actor, programmeId,
                    pathId(request, "eventId"), EventJson.readEvent(body(request)))));
            case GET_EVENT -> event(actor, programmeId, pathId(request, "eventId"));
            case CALENDAR -> calendar(programmeId, pathId(request, "eventId"));
            case REGISTER -> register(actor, request, programmeId);
            case CANCEL -> cancel(actor, request, programmeId);
            case CANCEL_EVENT -> cancelEvent(actor, request, programmeId);
            case INVITE -> HttpResponses.json(202, Json.object().put("sent", events.invite(actor, programmeId,
                    pathId(request, "eventId"), EventJson.readInvitees(body(request)))));
            case ATTENDANCE -> attendance(actor, request, programmeId);
            case REGISTRATIONS_CSV -> file(programmeId, registrationsCsv(programmeId));
            case ATTENDANCE_CSV -> file(programmeId, attendanceCsv(programmeId));
            case PARTICIPATION -> participation(programmeId);
            case PUT_SET -> HttpResponses.json(200, EventJson.set(sets.create(actor, programmeId,
                    EventJson.readSet(body(request), pathId(request, "setId")))));
            case GET_SET -> HttpResponses.json(200, EventJson.set(sets.set(programmeId, pathId(request, "setId"))));
            case NOTES -> notes(actor, programmeId, pathId(request, "setId"));
            case PUT_NOTE -> HttpResponses.json(200, EventJson.note(sets.writeNote(actor, programmeId,
                    pathId(request, "setId"), pathId(request, "meetingId"), EventJson.readNote(body(request)))));
            default -> throw new IllegalStateException("a route in ACCESS with no case: " + routeKey);
        });
    }

    private APIGatewayV2HTTPResponse list(String programmeId) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("events");
        for (LearningEvent event : events.events(programmeId)) {
            EventRoll roll = events.roll(programmeId, event.id());
            list.add(EventJson.cancellation(EventJson.event(event).put("placesTaken", roll.placesTaken())
                    .put("placesLeft", Math.max(0, event.capacity() - roll.placesTaken())).put("waiting", roll.waiting().size()),
                    roll));
        }
        ArrayNode learningSets = json.putArray("learningSets");
        sets.sets(programmeId).forEach(set -> learningSets.addObject().put("setId", set.id()).put("name", set.name())
                .put("facilitator", set.facilitator()));
        return HttpResponses.json(200, json);
    }

    private APIGatewayV2HTTPResponse event(Actor actor, String programmeId, String eventId) {
        EventRoll roll = events.roll(programmeId, eventId);
        return HttpResponses.json(200, EventJson.roll(roll, events.visibleTo(actor, roll)));
    }

    private APIGatewayV2HTTPResponse calendar(String programmeId, String eventId) {
        LearningEvent event = events.event(programmeId, eventId);
        String ics = CalendarFile.of(programmeId, event, clock.instant());
        return HttpResponses.file(new ExportFile(eventId + ".ics", "text/calendar; charset=utf-8",
                ics.getBytes(StandardCharsets.UTF_8), 1), "attachment", eventId + ".ics");
    }

    private APIGatewayV2HTTPResponse register(Actor actor, APIGatewayV2HTTPEvent request, String programmeId) {
        String eventId = pathId(request, "eventId");
        EventService.Place place = events.register(actor, programmeId, eventId, EventJson.readPerson(body(request)));
        return HttpResponses.json(201, EventJson.registration(place.registration(), place.waitingPosition()),
                Map.of("location", "/programmes/" + programmeId + "/events/" + eventId));
    }

    private APIGatewayV2HTTPResponse cancel(Actor actor, APIGatewayV2HTTPEvent request, String programmeId) {
        Registration cancelled = events.cancel(actor, programmeId, pathId(request, "eventId"),
                pathId(request, "registrationId"));
        return HttpResponses.json(200, EventJson.registration(cancelled, 0));
    }

    /** 200 with the event as it now stands (cancelled), the same again for a retry. */
    private APIGatewayV2HTTPResponse cancelEvent(Actor actor, APIGatewayV2HTTPEvent request, String programmeId) {
        EventRoll roll = events.cancelEvent(actor, programmeId, pathId(request, "eventId"),
                EventJson.readReason(body(request)));
        return HttpResponses.json(200, EventJson.roll(roll, events.visibleTo(actor, roll)));
    }

    private APIGatewayV2HTTPResponse attendance(Actor actor, APIGatewayV2HTTPEvent request, String programmeId) {
        List<Registration> recorded = events.recordAttendance(actor, programmeId, pathId(request, "eventId"),
                EventJson.readAttended(body(request)));
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("registrations");
        recorded.forEach(registration -> list.add(EventJson.registration(registration, 0)));
        return HttpResponses.json(200, json);
    }

    private APIGatewayV2HTTPResponse notes(Actor actor, String programmeId, String setId) {
        LearningSet set = sets.set(programmeId, setId);
        List<SetNote> notes = sets.notes(actor, programmeId, setId);
        ObjectNode json = EventJson.set(set);
        ArrayNode list = json.putArray("notes");
        notes.forEach(note -> list.add(EventJson.note(note)));
        return HttpResponses.json(200, json);
    }

    private APIGatewayV2HTTPResponse participation(String programmeId) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("partnerships");
        events.partnershipsTakingPart(programmeId).forEach(partnershipId ->
                list.add(EventJson.participation(participation.attendedBy(programmeId, partnershipId))));
        return HttpResponses.json(200, json);
    }

    private ExportFile registrationsCsv(String programmeId) {
        List<List<String>> rows = new ArrayList<>();
        for (Registration registration : events.registrations(programmeId)) {
            rows.add(List.of(registration.eventId(), registration.partnershipId(), registration.name(),
                    registration.email(), registration.state().name(), registration.registeredAt().toString()));
        }
        return CsvFile.of("event-registrations.csv", "event,partnership,name,email,state,registeredAt", rows);
    }

    private ExportFile attendanceCsv(String programmeId) {
        List<List<String>> rows = new ArrayList<>();
        for (Registration registration : events.registrations(programmeId)) {
            if (registration.state() == Registration.State.PLACE) {
                rows.add(List.of(registration.eventId(), registration.partnershipId(), registration.name(),
                        registration.attended() == null ? "not recorded" : registration.attended() ? "yes" : "no"));
            }
        }
        return CsvFile.of("event-attendance.csv", "event,partnership,name,attended", rows);
    }

    /** A file to be saved, named after its programme: {@code l2d-2007-08-event-registrations.csv}. */
    private static APIGatewayV2HTTPResponse file(String programmeId, ExportFile file) {
        return HttpResponses.file(file, "attachment", programmeId + "-" + file.name());
    }
}
