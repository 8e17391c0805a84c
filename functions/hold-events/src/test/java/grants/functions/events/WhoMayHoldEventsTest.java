package grants.functions.events;

import grants.core.access.Actor;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static grants.functions.events.EventsOnTheEmulators.AUDITOR;
import static grants.functions.events.EventsOnTheEmulators.COVENTRY;
import static grants.functions.events.EventsOnTheEmulators.DUDLEY;
import static grants.functions.events.EventsOnTheEmulators.ELSEWHERE;
import static grants.functions.events.EventsOnTheEmulators.FACILITATOR;
import static grants.functions.events.EventsOnTheEmulators.FINANCE;
import static grants.functions.events.EventsOnTheEmulators.MANAGER;
import static grants.functions.events.EventsOnTheEmulators.OTHER_ADVISER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of HoldEvents, called by every role of Learning to Deliver and by a manager of another programme:
 * allowed where "Who may do what" says (a 400 or 404 for the sample's state is still allowed), else 403. What
 * depends on the record is refused too: another partnership's registration, an event someone else facilitates,
 * a set's notes to anyone outside it (the manager included).
 */
class WhoMayHoldEventsTest {

    private static final List<Actor> EVERYONE = List.of(MANAGER, AUDITOR, FINANCE, FACILITATOR, OTHER_ADVISER, COVENTRY,
            DUDLEY, ELSEWHERE);
    private static final Set<Actor> READERS = Set.of(MANAGER, AUDITOR, FACILITATOR, OTHER_ADVISER, COVENTRY, DUDLEY);

    private static final String SET = """
            {"name": "North set", "facilitator": "adviser-governance",
             "members": [{"partnershipId": "coventry", "name": "Coventry's representative",
                          "email": "coventry-rep@westmidlands.example"}]}""";


    private record Sample(Map<String, String> path, String body, Set<Actor> allowed) {
    }

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry(EventRoutes.LIST, new Sample(Map.of(), null, READERS)),
            Map.entry(EventRoutes.PUT_EVENT, new Sample(Map.of("eventId", "matrix-workshop"), EventsOnTheEmulators.WORKSHOP,
                    Set.of(MANAGER))),
            Map.entry(EventRoutes.GET_EVENT, new Sample(Map.of("eventId", "pm-workshop"), null, READERS)),
            Map.entry(EventRoutes.CALENDAR, new Sample(Map.of("eventId", "pm-workshop"), null, READERS)),
            // Coventry's own person: Dudley's member is refused by the use case.
            Map.entry(EventRoutes.REGISTER, new Sample(Map.of("eventId", "pm-workshop"),
                    "{\"partnershipId\": \"coventry\", \"name\": \"Ann Lee\", \"email\": \"ann@coventry.example\"}",
                    Set.of(MANAGER, COVENTRY))),
            Map.entry(EventRoutes.CANCEL, new Sample(Map.of("eventId", "pm-workshop", "registrationId", "unknown"), null,
                    Set.of(MANAGER, COVENTRY, DUDLEY))),
            // An event nobody set up: the manager is let in (404), everyone else refused.
            Map.entry(EventRoutes.CANCEL_EVENT, new Sample(Map.of("eventId", "matrix-unknown"),
                    "{\"reason\": \"The venue is closed\"}", Set.of(MANAGER))),
            Map.entry(EventRoutes.INVITE, new Sample(Map.of("eventId", "pm-workshop"),
                    "{\"invitees\": [{\"name\": \"Ann Lee\", \"email\": \"ann@coventry.example\"}]}", Set.of(MANAGER))),
            // Only the adviser who facilitates it (before the day: a 400, still let in).
            Map.entry(EventRoutes.ATTENDANCE, new Sample(Map.of("eventId", "pm-workshop"), "{\"attended\": []}",
                    Set.of(FACILITATOR))),
            Map.entry(EventRoutes.REGISTRATIONS_CSV, new Sample(Map.of(), null, Set.of(MANAGER, AUDITOR))),
            Map.entry(EventRoutes.ATTENDANCE_CSV, new Sample(Map.of(), null, Set.of(MANAGER, AUDITOR))),
            Map.entry(EventRoutes.PARTICIPATION, new Sample(Map.of(), null, Set.of(MANAGER, AUDITOR))),
            Map.entry(EventRoutes.PUT_SET, new Sample(Map.of("setId", "set-north"), SET, Set.of(MANAGER))),
            Map.entry(EventRoutes.GET_SET, new Sample(Map.of("setId", "set-north"), null, READERS)),
            // The set's notes: its member (Coventry's) and its facilitator only; never the manager.
            Map.entry(EventRoutes.NOTES, new Sample(Map.of("setId", "set-north"), null, Set.of(FACILITATOR, COVENTRY))),
            Map.entry(EventRoutes.PUT_NOTE, new Sample(Map.of("setId", "set-north", "meetingId", "unknown"),
                    "{\"text\": \"Notes\"}", Set.of(FACILITATOR))));


    private static EventsOnTheEmulators stack;

    @BeforeAll
    static void aWorkshopAndASet() {
        stack = new EventsOnTheEmulators(WhoMayHoldEventsTest.class);
        assertThat(stack.call(MANAGER, EventRoutes.PUT_EVENT, Map.of("eventId", "pm-workshop"),
                EventsOnTheEmulators.WORKSHOP.replace("\"capacity\": 1", "\"capacity\": 5")).status()).isEqualTo(200);
        assertThat(stack.call(MANAGER, EventRoutes.PUT_SET, Map.of("setId", "set-north"), SET).status()).isEqualTo(200);
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(HoldEventsHandler.ROUTES);
    }

    static Stream<Arguments> cases() {
        return SAMPLES.entrySet().stream().flatMap(route -> EVERYONE.stream().map(actor ->
                Arguments.of(route.getKey(), actor.email(), route.getValue().allowed().contains(actor))));
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String route, String who, boolean allowed) {
        Sample sample = SAMPLES.get(route);
        int status = stack.call(RouteMatrix.byEmail(EVERYONE, who), route, sample.path(), sample.body()).status();
        RouteMatrix.expect(route + " by " + who, status, allowed);
    }

    @Test
    void nobodyIsLetInWithoutSigningIn() {
        SAMPLES.forEach((route, sample) -> assertThat(stack.call(null, route, sample.path(), sample.body()).status())
                .as(route).isEqualTo(401));
    }
}
