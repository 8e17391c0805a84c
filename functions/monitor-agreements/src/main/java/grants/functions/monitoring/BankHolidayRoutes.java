package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.monitoring.BankHolidayCalendar;
import grants.core.text.InWords;
import grants.documents.Json;
import grants.documents.monitoring.BankHolidaysJson;
import grants.http.HttpResponses;

import java.time.LocalDate;
import java.util.List;

/**
 * The bank holidays every working-day rule counts around: read by anyone who monitors, replaced by a
 * manager bound everywhere with {@code {"days": ["2027-12-27", ...]}} (read by {@link BankHolidaysJson}).
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
        List<LocalDate> days = BankHolidaysJson.read(MonitoringRequests.bodyOf(request));
        return HttpResponses.json(200, written(calendar.keep(caller, days)));
    }

    private static ObjectNode written(List<LocalDate> days) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("days");
        days.forEach(day -> list.addObject().put("date", day.toString()).put("inWords", InWords.date(day)));
        return json;
    }
}
