package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An indicator register for {@code serve}: four of the Coventry example's indicators with their figures
 * and stories from 2008-09 Q1 to 2009-10 Q2 and two board meetings, each figure recorded by its owner on
 * its own day (so the packs and the public see what they saw then). NI 195's 2009-10 Q2 figure is left
 * for the demo owner ({@link #DEMO_OWNER}) to record in the console. Kept through the API, as its manager
 * and owners would.
 */
final class DemoRegister {

    static final String REGISTER_ID = "coventry-laa-demo";

    /** The demo indicator owner (ServeCommand's owner@demo): Martin Cole, who owns NI 192 and NI 195. */
    static final String DEMO_OWNER = "owner-martin";

    private static final String REGISTER = "/registers/{registerId}";

    private DemoRegister() {
    }

    /** Keeps the register once, on its own days; a register already there (an earlier session's) is left as it is. */
    static void seed(LocalFunctions functions, ReplayClock clock, Actor manager) throws IOException {
        if (call(functions, "GET " + REGISTER, Map.of(), null, manager).getStatusCode() == 200) {
            return;
        }
        JsonNode document = document();
        clock.set(LocalDate.parse("2008-07-01"));
        send(functions, "PUT " + REGISTER, Map.of(), Json.object().put("note", document.path("note").asText()), manager);
        keep(functions, document, "themes", "themeId", manager);
        keep(functions, document, "outcomes", "outcomeId", manager);
        keep(functions, document, "people", "personId", manager);
        keep(functions, document, "indicators", "indicatorId", manager);
        for (JsonNode meeting : document.path("meetings")) {
            send(functions, "POST " + REGISTER + "/meetings", Map.of(), meeting, manager);
        }
        for (JsonNode entry : entriesByDay(document)) {
            clock.set(LocalDate.parse(entry.path("on").asText()));
            ObjectNode body = ((ObjectNode) entry.deepCopy());
            String indicator = body.remove("indicator").asText();
            String quarter = body.remove("period").asText().replace(' ', '-');
            Actor owner = owner(body.remove("by").asText());
            body.remove("on");
            Map<String, String> path = Map.of("indicatorId", indicator, "quarter", quarter);
            if (body.has("achieved")) {
                send(functions, "PUT " + REGISTER + "/indicators/{indicatorId}/narratives/{quarter}", path, body, owner);
            } else {
                send(functions, "POST " + REGISTER + "/indicators/{indicatorId}/figures/{quarter}", path, body, owner);
            }
        }
    }

    /** The demo manager bound in the register too, so that their home page lists it. */
    static void bindManager(LocalFunctions functions, Actor manager) {
        send(functions, "PUT /programmes/{programmeId}/bindings/{subject}",
                Map.of("programmeId", REGISTER_ID, "subject", manager.subject()),
                Json.object().put("name", manager.email()), LocalFunctions.OPERATOR);
    }

    /** An owner of the register as the API knows them: bound in it as the person it names. */
    static Actor owner(String personId) {
        return new Actor("demo-seed-" + personId, personId + "@demo.grants.local", Set.of(Role.INDICATOR_OWNER),
                Optional.empty(), Optional.empty(), Set.of(REGISTER_ID), Optional.of(personId), Optional.empty());
    }

    private static void keep(LocalFunctions functions, JsonNode document, String list, String idName, Actor manager) {
        String route = "PUT " + REGISTER + "/" + list + "/{" + idName + "}";
        for (JsonNode item : document.path(list)) {
            ObjectNode body = item.deepCopy();
            String id = body.remove("id").asText();
            send(functions, route, Map.of(idName, id), body, manager);
        }
    }

    /** Figures and narratives in the order of their days (a figure before its story on the same day). */
    private static List<JsonNode> entriesByDay(JsonNode document) {
        List<JsonNode> entries = new ArrayList<>();
        document.path("figures").forEach(entries::add);
        document.path("narratives").forEach(entries::add);
        entries.sort(Comparator.comparing(entry -> entry.path("on").asText()));
        return entries;
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = DemoRegister.class.getResourceAsStream("/grants/local/demo-indicator-register.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static void send(LocalFunctions functions, String route, Map<String, String> path, JsonNode body, Actor as) {
        APIGatewayV2HTTPResponse answer = call(functions, route, path, Json.write(body), as);
        if (answer.getStatusCode() >= 400) {
            throw new IllegalStateException("the demo register was refused at " + route + " " + path + ": " + answer.getBody());
        }
    }

    private static APIGatewayV2HTTPResponse call(LocalFunctions functions, String route, Map<String, String> path,
                                                 String body, Actor as) {
        Map<String, String> withRegister = new java.util.HashMap<>(path);
        withRegister.putIfAbsent("registerId", REGISTER_ID);
        return functions.api(LocalFunctions.apiEvent(route, withRegister, null, body, Map.of(), as));
    }
}
