package grants.functions.events;

import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.ses.SesMailer;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.support.Account;
import grants.core.support.Counters;
import grants.core.notices.Notice;
import grants.core.notices.NoticeSender;
import grants.documents.Json;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static grants.functions.events.EventsOnTheEmulators.COVENTRY;
import static grants.functions.events.EventsOnTheEmulators.DUDLEY;
import static grants.functions.events.EventsOnTheEmulators.FACILITATOR;
import static grants.functions.events.EventsOnTheEmulators.L2D;
import static grants.functions.events.EventsOnTheEmulators.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/** HoldEvents on DynamoDB Local: a full workshop's waiting list moving up with its email, the calendar file, the CSVs, set notes. */
class HoldEventsHandlerTest {

    private static EventsOnTheEmulators stack;

    @BeforeAll
    static void learningToDeliverWithItsAdvisers() {
        stack = new EventsOnTheEmulators(HoldEventsHandlerTest.class);
        EventsOnTheEmulators.Answer created = stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "pm-workshop"),
                EventsOnTheEmulators.WORKSHOP);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
    }

    private static EventsOnTheEmulators.Answer register(String eventId, String partnershipId, String name, String email) {
        return stack.call(partnershipId.equals("coventry") ? COVENTRY : DUDLEY, EventRoutes.REGISTER,
                Map.of("eventId", eventId), "{\"partnershipId\": \"" + partnershipId + "\", \"name\": \"" + name
                        + "\", \"email\": \"" + email + "\"}");
    }

    @Test
    void aMemberWhoRegistersForAFullWorkshopWaitsFirstAndIsGivenThePlaceAndAnEmailWhenItIsFreed() {
        stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "full-workshop"),
                EventsOnTheEmulators.WORKSHOP);
        EventsOnTheEmulators.Answer ann = register("full-workshop", "coventry", "Ann Lee", "ann@coventry.example");
        EventsOnTheEmulators.Answer bob = register("full-workshop", "dudley", "Bob Cole", "bob@dudley.example");

        assertThat(ann.status()).isEqualTo(201);
        assertThat(ann.json().path("state").asText()).isEqualTo("PLACE");
        assertThat(bob.json().path("state").asText()).isEqualTo("WAITING");
        assertThat(bob.json().path("waitingPosition").asInt()).isEqualTo(1);
        assertThat(register("full-workshop", "dudley", "Bob Cole", "bob@dudley.example").json())
                .as("registering again finds the same registration").isEqualTo(bob.json());

        String annId = ann.json().path("registrationId").asText();
        assertThat(stack.call(DUDLEY, EventRoutes.CANCEL, Map.of("eventId", "full-workshop", "registrationId", annId), null)
                .status()).as("Dudley's member cannot cancel Coventry's place").isEqualTo(403);
        assertThat(stack.call(COVENTRY, EventRoutes.CANCEL, Map.of("eventId", "full-workshop", "registrationId", annId),
                null).status()).isEqualTo(200);

        JsonNode bobsView = stack.call(DUDLEY, EventRoutes.GET_EVENT, Map.of("eventId", "full-workshop"), null).json();
        assertThat(bobsView.path("registrations")).as("a member sees their own partnership's registrations only")
                .singleElement().satisfies(registration -> {
                    assertThat(registration.path("name").asText()).isEqualTo("Bob Cole");
                    assertThat(registration.path("state").asText()).isEqualTo("PLACE");
                });
        assertThat(bobsView.path("placesLeft").asInt()).isZero();

        List<Notice> told = stack.wiring.notices().withPrefix(L2D, "event/full-workshop/place-");
        assertThat(told).singleElement().satisfies(notice -> assertThat(notice.recipients())
                .containsExactly("bob@dudley.example"));
        JsonNode sent = sentThroughTheSesEmulator(told.get(0));
        assertThat(sent.path("destination").path("to")).singleElement().satisfies(to ->
                assertThat(to.asText()).isEqualTo("bob@dudley.example"));
        assertThat(sent.path("subject").asText()).isEqualTo("You have a place: Performance management for partnerships on 14 June 2007");
        assertThat(sent.path("body").path("text").asText()).contains("Dear Bob Cole", "14 June 2007, 10am to 1pm",
                "open the calendar file attached to this email (full-workshop.ics)");
        assertThat(calendarAttached(sent, "full-workshop.ics")).contains("UID:full-workshop.l2d-2007-08@grants.events");
        assertThat(stack.recordedActions()).contains("EVENT_CREATED", "EVENT_REGISTERED", "EVENT_CANCELLED");
    }

    @Test
    void aBadEventIsRefusedNamingEveryFieldAndNothingIsDrawn() {
        EventsOnTheEmulators.Answer refused = stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "bad-one"), """
                {"kind": "PICNIC", "title": "", "topic": "Leadership!", "date": "2007-02-30", "starts": "10:00",
                 "ends": "09:00", "capacity": "many", "facilitators": ["nobody"], "facilitatorDays": "0.3"}""");

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().path("error").path("details").forEach(detail -> fields.add(detail.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("kind", "title", "topic", "date", "ends", "place", "capacity",
                "facilitators[0]", "facilitatorDays");
        assertThat(stack.call(MANAGER, EventRoutes.GET_EVENT, Map.of("eventId", "bad-one"), null).status()).isEqualTo(404);
    }

    @Test
    void anEventBeyondTheFacilitatorsContractIsRefusedNamingTheAdviser() {
        EventsOnTheEmulators.Answer refused = stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "long-seminar"),
                EventsOnTheEmulators.WORKSHOP.replace("\"WORKSHOP\"", "\"REGIONAL_SEMINAR\"")
                        .replace("\"0.5\"", "\"6.0\""));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SUPPORT_LIMIT_EXCEEDED");
        assertThat(refused.json().path("error").path("message").asText()).contains("adviser adviser-governance");
    }

    @Test
    void theCalendarFileIsServedAsICalendar() {
        EventsOnTheEmulators.Answer ics = stack.call(COVENTRY, EventRoutes.CALENDAR, Map.of("eventId", "pm-workshop"), null);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.headers().get("content-type")).startsWith("text/calendar");
        assertThat(ics.headers().get("content-disposition")).contains("pm-workshop.ics");
        assertThat(ics.text().replace("\r\n ", "").split("\r\n")).contains("BEGIN:VEVENT",
                "UID:pm-workshop.l2d-2007-08@grants.events", "DTSTART:20070614T090000Z", "DTEND:20070614T120000Z",
                "SUMMARY:Performance management for partnerships", "LOCATION:Council House\\, Coventry", "END:VEVENT");
    }

    @Test
    void theFacilitatorRecordsAttendanceWhichTheCsvsAndParticipationShow() {
        stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "seminar"), EventsOnTheEmulators.WORKSHOP
                .replace("\"WORKSHOP\"", "\"REGIONAL_SEMINAR\"").replace("\"capacity\": 1", "\"capacity\": 5")
                .replace("2007-06-14", "2007-06-01"));
        String ann = register("seminar", "coventry", "Ann Lee", "ann@coventry.example").json().path("registrationId").asText();
        register("seminar", "coventry", "Cat Moss", "cat@coventry.example");

        assertThat(stack.call(MANAGER, EventRoutes.ATTENDANCE, Map.of("eventId", "seminar"),
                "{\"attended\": [\"" + ann + "\"]}").status()).as("the manager does not record attendance").isEqualTo(403);
        EventsOnTheEmulators.Answer recorded = stack.call(FACILITATOR, EventRoutes.ATTENDANCE, Map.of("eventId", "seminar"),
                "{\"attended\": [\"" + ann + "\"]}");
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);

        String attendance = stack.call(MANAGER, EventRoutes.ATTENDANCE_CSV, Map.of(), null).text();
        assertThat(attendance.lines()).contains("event,partnership,name,attended", "seminar,coventry,Ann Lee,yes",
                "seminar,coventry,Cat Moss,no");
        assertThat(stack.call(MANAGER, EventRoutes.REGISTRATIONS_CSV, Map.of(), null).text().lines().findFirst())
                .contains("event,partnership,name,email,state,registeredAt");
        JsonNode participation = stack.call(MANAGER, EventRoutes.PARTICIPATION, Map.of(), null).json().path("partnerships");
        assertThat(participation).anySatisfy(line -> {
            assertThat(line.path("partnershipId").asText()).isEqualTo("coventry");
            assertThat(line.path("attended").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aSetsNotesAreRefusedToTheManagerAndToOtherMembers() {
        assertThat(stack.call(MANAGER, EventRoutes.PUT_SET, Map.of("setId", "set-north"), """
                {"name": "North set", "facilitator": "adviser-governance",
                 "members": [{"partnershipId": "coventry", "name": "Coventry's representative",
                              "email": "coventry-rep@westmidlands.example"}]}""").status()).isEqualTo(200);
        stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "set-north-1"), EventsOnTheEmulators.WORKSHOP
                .replace("\"WORKSHOP\"", "\"ACTION_LEARNING_SET\"").replace("\"capacity\": 1", "\"capacity\": 6, \"setId\": \"set-north\""));
        assertThat(stack.call(FACILITATOR, EventRoutes.PUT_NOTE, Map.of("setId", "set-north", "meetingId", "set-north-1"),
                "{\"text\": \"We agreed to compare our scorecards.\"}").status()).isEqualTo(200);

        assertThat(stack.call(COVENTRY, EventRoutes.NOTES, Map.of("setId", "set-north"), null).json().path("notes")
                .path(0).path("text").asText()).isEqualTo("We agreed to compare our scorecards.");
        assertThat(stack.call(DUDLEY, EventRoutes.NOTES, Map.of("setId", "set-north"), null).status()).isEqualTo(403);
        assertThat(stack.call(MANAGER, EventRoutes.NOTES, Map.of("setId", "set-north"), null).status()).isEqualTo(403);
        assertThat(stack.call(COVENTRY, EventRoutes.PUT_NOTE, Map.of("setId", "set-north", "meetingId", "set-north-1"),
                "{\"text\": \"Changed\"}").status()).isEqualTo(403);
    }

    @Test
    void theSampleEventSetsUpAWorkshopAsSamLocalInvokeWould() {
        var response = stack.handler.handleRequest(com.amazonaws.services.lambda.runtime.tests.EventLoader
                .loadApiGatewayHttpEvent("put-event.json"), new grants.localaws.LocalLambdaContext("HoldEventsFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(stack.call(COVENTRY, EventRoutes.LIST, Map.of(), null).json().path("events").findValuesAsText("eventId"))
                .contains("governance-workshop");
    }

    @Test
    void anInvitationCarriesTheEventsCalendarFileAsSesReceivedIt() {
        assertThat(stack.call(MANAGER, EventRoutes.INVITE, Map.of("eventId", "pm-workshop"),
                "{\"invitees\": [{\"name\": \"Cat Moss\", \"email\": \"cat.invited@coventry.example\"}]}").status())
                .isEqualTo(202);
        Notice invitation = stack.wiring.notices().withPrefix(L2D, "event/pm-workshop/invitation/").get(0);

        JsonNode sent = sentThroughTheSesEmulator(invitation);

        assertThat(sent.path("subject").asText()).isEqualTo("Invitation: Performance management for partnerships on 14 June 2007");
        assertThat(sent.path("body").path("html").asText()).contains("attached to this email (pm-workshop.ics)");
        assertThat(calendarAttached(sent, "pm-workshop.ics")).startsWith("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//grants//Learning to Deliver events//EN")
                .contains("METHOD:PUBLISH", "UID:pm-workshop.l2d-2007-08@grants.events", "DTSTAMP:20070601T090000Z",
                        "DTSTART:20070614T090000Z", "DTEND:20070614T120000Z", // 10am to 1pm British Summer Time
                        "SUMMARY:Performance management for partnerships", "LOCATION:Council House\\, Coventry")
                .endsWith("END:VEVENT", "END:VCALENDAR");
    }

    /** Sends the notice as SendNotices does, through SES's API to the local SES emulator, and reads back what it received. */
    private static JsonNode sentThroughTheSesEmulator(Notice notice) {
        String address = notice.recipients().get(0);
        assertThat(new NoticeSender(stack.wiring.programmes(), stack.wiring.runs(), stack.wiring.notices(),
                stack.wiring.notices(), stack.wiring.notices(), new SesMailer(stack.wiring.aws(), "grants@programme.example"),
                () -> { }, stack.wiring.auditLog()).send(L2D, notice.key())).isEqualTo(NoticeSender.Outcome.SENT);
        String messageId = stack.wiring.notices().get(L2D, notice.key()).orElseThrow().messageId();
        try (InputStream in = TestAwsStack.shared().sesEndpoint().resolve("/store").toURL().openStream()) {
            for (JsonNode email : Json.MAPPER.readTree(in).path("emails")) {
                if (email.path("messageId").asText().equals(messageId)) {
                    assertThat(email.path("destination").path("to").get(0).asText()).isEqualTo(address);
                    return email;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the SES emulator received no message " + messageId);
    }

    /** The email's one attachment, checked to be the named calendar file, as its unfolded lines. */
    private static List<String> calendarAttached(JsonNode email, String fileName) {
        assertThat(email.path("attachments")).hasSize(1);
        JsonNode file = email.path("attachments").get(0);
        assertThat(file.path("filename").asText()).isEqualTo(fileName);
        assertThat(file.path("contentType").asText()).isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
        assertThat(file.path("contentDisposition").asText()).isEqualToIgnoringCase("attachment");
        String ics = new String(Base64.getDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        return List.of(ics.replace("\r\n ", "").split("\r\n"));
    }

    @Test
    void anEventsCostIsCommittedWithTheEventRefusedWhenNoLineHasRoomAndGivenBackOnceWhenItIsCancelled() {
        DynamoLedgerStore ledger = stack.ledgerWithEventsLines(50_000L, 200_000L);

        EventsOnTheEmulators.Answer created = stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "rda-seminar"),
                EventsOnTheEmulators.workshopCosting("1250.00", "economic-development"));
        EventsOnTheEmulators.Answer refused = stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "dear-workshop"),
                EventsOnTheEmulators.workshopCosting("600.00", "performance-management"));

        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("cost").asText()).isEqualTo("1250.00");
        // £1,250.00 entered + half a day of the governance adviser at £400.00 = £1,450.00
        assertThat(ledger.entry(L2D, "event:rda-seminar")).get().extracting(Entry::lineId, Entry::amountPence)
                .containsExactly("rda-economic", 145_000L);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OVER_BUDGET");
        assertThat(refused.json().path("error").path("message").asText())
                .contains("(£800.00) would take Core: Events, 2007-08", "a shortfall of £300.00"); // £600.00 + £200.00
        assertThat(stack.call(COVENTRY, EventRoutes.GET_EVENT, Map.of("eventId", "dear-workshop"), null).status())
                .as("nothing of the refused event was written").isEqualTo(404);
        assertThat(ledger.entries(L2D)).extracting(Entry::id).containsExactly("event:rda-seminar");

        // Cancelled, in one transaction: the cost released, the facilitator's half day given back, both people told.
        register("rda-seminar", "coventry", "Ann Lee", "ann@coventry.example");
        register("rda-seminar", "dudley", "Bob Cole", "bob@dudley.example");
        int bookedBefore = facilitatorsBookedHalfDays();
        EventsOnTheEmulators.Answer cancelled = stack.call(MANAGER, EventRoutes.CANCEL_EVENT,
                Map.of("eventId", "rda-seminar"), "{\"reason\": \"The speaker is ill\"}");
        EventsOnTheEmulators.Answer again = stack.call(MANAGER, EventRoutes.CANCEL_EVENT,
                Map.of("eventId", "rda-seminar"), "{\"reason\": \"The speaker is ill\"}");

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("cancelled").path("reason").asText()).isEqualTo("The speaker is ill");
        assertThat(again.status()).as("a retry answers the same").isEqualTo(200);
        assertThat(ledger.entry(L2D, "release:event:rda-seminar")).get()
                .extracting(Entry::kind, Entry::amountPence).containsExactly(EntryKind.RELEASED, 145_000L);
        assertThat(ledger.entries(L2D)).as("released once").extracting(Entry::id)
                .containsExactly("event:rda-seminar", "release:event:rda-seminar");
        assertThat(ledger.lines(L2D)).filteredOn(line -> line.lineId().equals("rda-economic")).singleElement()
                .satisfies(line -> assertThat(line.remaining()).isEqualTo(200_000L));
        assertThat(facilitatorsBookedHalfDays()).isEqualTo(bookedBefore - 1);
        assertThat(stack.wiring.notices().withPrefix(L2D, "event/rda-seminar/cancelled/")).hasSize(2);
        assertThat(stack.recordedActions()).containsOnlyOnce("EVENT_CALLED_OFF");
        EventsOnTheEmulators.Answer late = register("rda-seminar", "coventry", "Cat Moss", "cat@coventry.example");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("EVENT_CANCELLED");
    }

    private static int facilitatorsBookedHalfDays() {
        return new DynamoSupportStore(stack.wiring.table(), stack.wiring.auditTable()).counters(L2D)
                .getOrDefault(new Account.OfAdviser("adviser-governance"), Counters.NONE).bookedHalfDays();
    }
}
