package grants.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.support.BalancesExport;
import grants.core.support.Booking;
import grants.core.support.SupportService;
import grants.http.HttpResponses;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.idempotencyKey;
import static grants.http.HttpRequests.pathId;
import static grants.http.HttpRequests.query;

/** The support-days routes: read the request, call the use case, write the JSON. Route keys match template.yaml. */
final class SupportRoutes {

    static final String PUT_ADVISER = "PUT /programmes/{programmeId}/advisers/{adviserId}";
    static final String PUT_POOL = "PUT /programmes/{programmeId}/support-pools/{poolId}";
    static final String POST_BOOKING = "POST /programmes/{programmeId}/support-bookings";
    static final String DELIVER = "POST /programmes/{programmeId}/support-bookings/{bookingId}/deliver";
    static final String CANCEL = "POST /programmes/{programmeId}/support-bookings/{bookingId}/cancel";
    static final String GET_BALANCES = "GET /programmes/{programmeId}/support-balances";

    static final List<String> ALL = List.of(PUT_ADVISER, PUT_POOL, POST_BOOKING, DELIVER, CANCEL, GET_BALANCES);

    private final SupportService service;
    private final BalancesExport balancesExport;

    SupportRoutes(SupportService service, BalancesExport balancesExport) {
        this.service = service;
        this.balancesExport = balancesExport;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        return Optional.ofNullable(switch (routeKey) {
            case PUT_ADVISER -> HttpResponses.json(200, SupportJson.adviser(service.putAdviser(
                    pathId(request, "programmeId"), SupportJson.readAdviser(body(request), pathId(request, "adviserId")))));
            case PUT_POOL -> HttpResponses.json(201, SupportJson.pool(service.createPool(pathId(request, "programmeId"),
                    pathId(request, "poolId"), SupportJson.readPoolMembers(body(request)))));
            case POST_BOOKING -> book(request);
            case DELIVER -> HttpResponses.json(200, SupportJson.booking(service.deliver(pathId(request, "programmeId"),
                    pathId(request, "bookingId"), SupportJson.readNote(body(request)))));
            case CANCEL -> HttpResponses.json(200, SupportJson.booking(service.cancel(pathId(request, "programmeId"),
                    pathId(request, "bookingId"))));
            case GET_BALANCES -> balances(request);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse book(APIGatewayV2HTTPEvent request) {
        String programmeId = pathId(request, "programmeId");
        Booking booking = service.book(programmeId, SupportJson.readBooking(body(request)),
                idempotencyKey(request));
        return HttpResponses.json(201, SupportJson.booking(booking),
                Map.of("location", "/programmes/" + programmeId + "/support-bookings/" + booking.id()));
    }

    /** JSON; with {@code ?format=csv} the CSV also goes to the export bucket for finance, with a link. */
    private APIGatewayV2HTTPResponse balances(APIGatewayV2HTTPEvent request) {
        String programmeId = pathId(request, "programmeId");
        Optional<String> format = query(request, "format");
        format.filter(value -> !value.equals("csv")).ifPresent(value -> {
            throw InvalidInputException.of("format", "must be csv, or left out for JSON");
        });
        if (format.isEmpty()) {
            return HttpResponses.json(200, SupportJson.balances(programmeId, service.balances(programmeId)));
        }
        BalancesExport.Exported exported = balancesExport.export(programmeId);
        ObjectNode response = SupportJson.balances(programmeId, exported.lines());
        response.putObject("csv").put("key", exported.key()).put("link", exported.link().toString());
        return HttpResponses.json(200, response);
    }
}
