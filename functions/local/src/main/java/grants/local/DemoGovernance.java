package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Governance for {@code serve}, in the demo indicator register ({@link DemoRegister}): the board, the
 * scrutiny panel and two theme groups, the board meeting of 19 November 2009 with its decisions, a scrutiny
 * review under way, and the daily escalation run of 15 February 2010, which escalates Martin Cole's action
 * (due 15 January 2010) and emails him and the board's chair. Each step on its own day, as the person who
 * does it, through the API. The demo users of {@link #PEOPLE} sign in as these people.
 */
final class DemoGovernance {

    /** A demo sign-in and the register's person it acts as. */
    record DemoPerson(String email, Role role, String personId, String name, String does) {
    }

    /** Who signs in for governance (password: serve's), and what each may do. owner@demo is {@link DemoRegister#DEMO_OWNER}. */
    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("clerk@demo.grants.local", Role.PROGRAMME_MANAGER, "manager-joanne", "Joanne Price",
                    "the clerk: sets up the bodies, records meetings and decisions"),
            new DemoPerson("chair@demo.grants.local", Role.BOARD_MEMBER, "board-catherine", "Catherine Rowe",
                    "chairs the board; emailed when a board action is escalated"),
            new DemoPerson("member@demo.grants.local", Role.BOARD_MEMBER, "board-lucy", "Lucy Adams",
                    "a board member (and of the environment theme group)"),
            new DemoPerson("owner@demo.grants.local", Role.INDICATOR_OWNER, DemoRegister.DEMO_OWNER, "Martin Cole",
                    "owns the escalated action and is asked to answer a recommendation"),
            new DemoPerson("scrutiny@demo.grants.local", Role.PARTNERSHIP_MEMBER, "scrutiny-margaret",
                    "Margaret Hughes", "a scrutiny panel member: reviews a theme group"));

    static final LocalDate BOARD_MEETING = LocalDate.parse("2009-11-19");
    static final LocalDate ESCALATION_RUN = LocalDate.parse("2010-02-15");

    private static final String GOVERNANCE = "/registers/{registerId}/governance";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private DemoGovernance() {
    }

    /** Someone of the register, as the API knows them: bound in it as the person it names. */
    static Actor actor(DemoPerson person) {
        return new Actor("demo-" + person.email().substring(0, person.email().indexOf('@')), person.email(),
                Set.of(person.role()), Optional.empty(), Optional.empty(), Set.of(DemoRegister.REGISTER_ID),
                Optional.of(person.personId()), Optional.empty());
    }

    private static Actor as(String personId) {
        return actor(PEOPLE.stream().filter(p -> p.personId().equals(personId)).findFirst().orElseThrow());
    }

    /** Seeded once, on its own days, after the demo register; governance already there (an earlier session's) is left as it is. */
    static void seed(LocalFunctions functions, ReplayClock clock) {
        Actor clerk = as("manager-joanne");
        APIGatewayV2HTTPResponse log = call(functions, "GET " + GOVERNANCE + "/decisions", Map.of(), null, clerk);
        if (log.getStatusCode() == 200 && !Json.parse(log.getBody()).path("decisions").isEmpty()) {
            return;
        }
        clock.set(LocalDate.parse("2009-11-02"));
        person(functions, clerk, "board-catherine", "Catherine Rowe", "BOARD");
        person(functions, clerk, "board-lucy", "Lucy Adams", "BOARD");
        person(functions, clerk, "manager-joanne", "Joanne Price", "MANAGER");
        person(functions, clerk, "scrutiny-peter", "Peter Shaw", "SCRUTINY");
        person(functions, clerk, "scrutiny-margaret", "Margaret Hughes", "SCRUTINY");
        body(functions, clerk, "clpsb", """
                {"name": "Coventry Local Public Service Board", "kind": "BOARD", "decisionMaking": true, "quorum": 3,
                 "members": [{"person": "board-catherine", "role": "CHAIR"}, {"person": "board-lucy", "role": "MEMBER"},
                  {"person": "board-frank", "role": "MEMBER"}, {"person": "board-priya", "role": "MEMBER"},
                  {"person": "gowm-alan", "role": "OBSERVER"}]}""");
        body(functions, clerk, "scrutiny-panel", """
                {"name": "Coventry Partnership Scrutiny Panel", "kind": "SCRUTINY", "decisionMaking": false, "quorum": 2,
                 "members": [{"person": "scrutiny-peter", "role": "CHAIR"}, {"person": "scrutiny-margaret", "role": "MEMBER"}]}""");
        body(functions, clerk, "tg-prosperity", """
                {"name": "Jobs, Skills and Homes Theme Group", "kind": "THEME_GROUP", "theme": "prosperity",
                 "decisionMaking": true, "quorum": 2, "members": [{"person": "owner-sandra", "role": "CHAIR"},
                  {"person": "owner-ian", "role": "MEMBER"}]}""");
        body(functions, clerk, "tg-environment", """
                {"name": "Cleaner, Greener Coventry Theme Group", "kind": "THEME_GROUP", "theme": "environment",
                 "decisionMaking": true, "quorum": 2, "members": [{"person": "owner-martin", "role": "CHAIR"},
                  {"person": "board-lucy", "role": "MEMBER"}]}""");

        clock.set(BOARD_MEETING);
        send(functions, "PUT " + GOVERNANCE + "/bodies/{bodyId}/meetings/{meetingDate}",
                Map.of("bodyId", "clpsb", "meetingDate", BOARD_MEETING.toString()), """
                {"present": ["board-catherine", "board-lucy", "board-frank", "board-priya", "gowm-alan", "manager-joanne"]}""",
                clerk);
        decide(functions, clerk, """
                {"id": "clpsb-2009-11-19-01", "body": "clpsb", "item": "Street cleanliness in the wards falling behind",
                 "about": "ni-195", "terms": {"kind": "ACTION", "owner": "owner-martin", "due": "2010-01-15",
                 "criterion": "A cleaning plan for the five wards with the most litter, agreed with their ward forums"}}""");
        decide(functions, clerk, """
                {"id": "clpsb-2009-11-19-02", "body": "clpsb", "item": "Household waste recycling", "about": "ni-192",
                 "terms": {"kind": "RECOMMENDATION", "to": "owner-martin",
                 "text": "Say how the recycling rate will reach its target by March 2011, and what the board can do to help."}}""");
        decide(functions, clerk, """
                {"id": "clpsb-2009-11-19-03", "body": "clpsb", "item": "Out of work benefits", "about": "ni-152",
                 "terms": {"kind": "NOTED", "reason": "Within tolerance; the Job Shop outreach reports in February."}}""");

        clock.set(LocalDate.parse("2010-01-20"));
        Actor margaret = as("scrutiny-margaret");
        send(functions, "POST " + GOVERNANCE + "/reviews", Map.of(), """
                {"id": "review-environment-2010", "body": "tg-environment", "indicators": ["ni-192", "ni-195"]}""",
                margaret);
        send(functions, "POST " + GOVERNANCE + "/reviews/{reviewId}/evidence", Map.of("reviewId",
                "review-environment-2010"), """
                {"id": "evidence-environment-01", "kind": "VISIT", "summary": "Walked Foleshill with the ward forum."}""",
                margaret);

        clock.set(ESCALATION_RUN.atTime(LocalTime.of(7, 0)).atZone(LONDON).toInstant());
        functions.governDailyRun();
    }

    private static void person(LocalFunctions functions, Actor clerk, String id, String name, String kind) {
        send(functions, "PUT /registers/{registerId}/people/{personId}", Map.of("personId", id),
                Json.write(Json.object().put("name", name).put("email", name.toLowerCase(java.util.Locale.ROOT)
                        .replace(' ', '.') + "@coventry-partnership.example").put("role", kind)), clerk);
    }

    private static void body(LocalFunctions functions, Actor clerk, String bodyId, String document) {
        send(functions, "PUT " + GOVERNANCE + "/bodies/{bodyId}", Map.of("bodyId", bodyId), document, clerk);
    }

    private static void decide(LocalFunctions functions, Actor clerk, String decision) {
        send(functions, "POST " + GOVERNANCE + "/decisions", Map.of(), decision, clerk);
    }

    private static void send(LocalFunctions functions, String route, Map<String, String> path, String body, Actor as) {
        APIGatewayV2HTTPResponse answer = call(functions, route, path, body, as);
        if (answer.getStatusCode() >= 400) {
            throw new IllegalStateException("demo governance was refused at " + route + " " + path + ": "
                    + answer.getBody());
        }
    }

    private static APIGatewayV2HTTPResponse call(LocalFunctions functions, String route, Map<String, String> path,
                                                 String body, Actor as) {
        Map<String, String> withRegister = new HashMap<>(path);
        withRegister.putIfAbsent("registerId", DemoRegister.REGISTER_ID);
        return functions.api(LocalFunctions.apiEvent(route, withRegister, null, body, Map.of(), as));
    }
}
