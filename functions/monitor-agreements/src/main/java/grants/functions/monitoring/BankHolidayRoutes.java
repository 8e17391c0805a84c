package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.monitoring.BankHolidayCalendar;
import grants.core.text.InWords;
import grants.documents.FieldReader;
import grants.documents.Json;
import grants.http.HttpResponses;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bank holidays every working-day rule counts around: read by anyone who monitors, replaced by a
 * manager bound everywhere with {@code {"days": ["2027-12-27", ...]}} (each a real ISO date, none twice).
 */
final class BankHolidayRoutes {

    private final BankHolidayCalendar calendar;

    BankHolidayRoutes(BankHolidayCalendar calendar) {
        this.calendar = calendar;
    }

    APIGatewayV2HTTPResponse read() {
        return HttpResponses.json(200, written(calendar.days()));
    }

    APIGatewayV2HTTPResponse keep(APIGatewayV2HTTPEvent request, Actor caller) {
        return HttpResponses.json(200, written(calendar.keep(caller, days(MonitoringRequests.bodyOf(request)))));
    }

    private static List<LocalDate> days(JsonNode body) {
        FieldReader reader = new FieldReader();
        List<LocalDate> days = new ArrayList<>();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", "days");
            List<JsonNode> given = reader.array(body, "", "days", true);
            for (int i = 0; i < given.size(); i++) {
                String path = "days[" + i + "]";
                try {
                    LocalDate day = LocalDate.parse(given.get(i).asText());
                    if (!given.get(i).isTextual()) {
                        reader.problem(path, "must be a date written as text, such as \"2027-12-27\"");
                    } else if (days.contains(day)) {
                        reader.problem(path, "is " + day + " again: give each day once");
                    } else {
                        days.add(day);
                    }
                } catch (DateTimeParseException notADate) {
                    reader.problem(path, "is not a real date written as YYYY-MM-DD, such as 2027-12-27");
                }
            }
        }
        reader.refuseIfAny("bank holidays", "nothing was changed");
        return days;
    }

    private static ObjectNode written(List<LocalDate> days) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("days");
        days.forEach(day -> list.addObject().put("date", day.toString()).put("inWords", InWords.date(day)));
        return json;
    }
}
