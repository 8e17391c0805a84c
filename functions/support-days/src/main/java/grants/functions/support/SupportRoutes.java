package grants.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.audit.AuditLog;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.support.Adviser;
import grants.core.support.SupportPool;
import grants.core.access.ForbiddenException;
import grants.core.errors.InvalidInputException;
import grants.core.support.Account;
import grants.core.support.BookingRequest;
import grants.http.Access;
import grants.core.support.BalancesExport;
import grants.core.support.Booking;
import grants.core.support.SupportService;
import grants.http.HttpResponses;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.access.Role.ADVISER;
import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.FINANCE_OFFICER;
import static grants.core.access.Role.PARTNERSHIP_MEMBER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
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

    /** Every route this function serves and who may call it; template.yaml must declare exactly these routes. */
    static final Map<String, Access> ACCESS = Map.of(
            PUT_ADVISER, Access.by("set up an adviser", PROGRAMME_MANAGER),
            PUT_POOL, Access.by("pool a locality's days", PROGRAMME_MANAGER),
            POST_BOOKING, Access.by("book adviser time", PROGRAMME_MANAGER, PARTNERSHIP_MEMBER),
            DELIVER, Access.by("record a booking as delivered", PROGRAMME_MANAGER, ADVISER),
            CANCEL, Access.by("cancel a booking", PROGRAMME_MANAGER, PARTNERSHIP_MEMBER),
            GET_BALANCES, Access.by("see every balance of support days", PROGRAMME_MANAGER, FINANCE_OFFICER, AUDITOR),
            SuggestionRoutes.GET_SUGGESTIONS, Access.by("see the advisers suggested for a partnership", PROGRAMME_MANAGER,
                    PARTNERSHIP_MEMBER));

    static final List<String> ALL = List.copyOf(new java.util.TreeSet<>(ACCESS.keySet()));

    private final SupportService service;
    private final BalancesExport balancesExport;
    private final AuditLog audit;
    private SuggestionRoutes suggestions;

    SupportRoutes(SupportService service, BalancesExport balancesExport, AuditLog audit) {
        this.service = service;
        this.balancesExport = balancesExport;
        this.audit = audit;
    }

    /** With booking suggestions, which read assessments (through support's narrow {@code PartnershipNeeds}). */
    SupportRoutes(SupportService service, BalancesExport balancesExport, AuditLog audit, SuggestionRoutes suggestions) {
        this(service, balancesExport, audit);
        this.suggestions = suggestions;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        return Optional.ofNullable(switch (routeKey) {
            case PUT_ADVISER -> putAdviser(request, actor);
            case PUT_POOL -> putPool(request, actor);
            case POST_BOOKING -> book(request, actor);
            case DELIVER -> deliver(request, actor);
            case CANCEL -> cancel(request, actor);
            case GET_BALANCES -> balances(request, actor);
            case SuggestionRoutes.GET_SUGGESTIONS -> suggestions == null ? null : suggestions.suggest(request, actor);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse book(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        BookingRequest asked = SupportJson.readBooking(body(request));
        if (!actor.has(PROGRAMME_MANAGER) && (asked.partnershipId() == null || !actor.isMemberOf(asked.partnershipId()))) {
            throw new ForbiddenException("A partnership member books for their own partnership only; a pool's days are"
                    + " booked by the programme manager.");
        }
        Booking booking = service.book(actor, programmeId, asked, idempotencyKey(request));
        return HttpResponses.json(201, SupportJson.booking(booking),
                Map.of("location", "/programmes/" + programmeId + "/support-bookings/" + booking.id()));
    }

    private APIGatewayV2HTTPResponse putAdviser(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        Adviser before = service.adviser(programmeId, pathId(request, "adviserId")).orElse(null);
        Adviser adviser = service.putAdviser(programmeId, SupportJson.readAdviser(body(request), pathId(request, "adviserId")));
        audit.record(actor, programmeId, "ADVISER_SET", "adviser " + adviser.id(), before == null ? null : describe(before),
                describe(adviser));
        return HttpResponses.json(200, SupportJson.adviser(adviser));
    }

    private static String describe(Adviser adviser) {
        return adviser.name() + ", " + Days.format(adviser.contractedHalfDays()) + " days contracted, specialisms "
                + adviser.specialisms() + adviser.dayRatePence().map(pence -> ", " + Money.pounds(pence) + " a day").orElse("");
    }

    private APIGatewayV2HTTPResponse putPool(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        SupportPool pool = service.createPool(actor, programmeId, pathId(request, "poolId"),
                SupportJson.readPoolMembers(body(request)));
        return HttpResponses.json(201, SupportJson.pool(pool));
    }

    /** An adviser delivers their own bookings only. */
    private APIGatewayV2HTTPResponse deliver(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        String bookingId = pathId(request, "bookingId");
        String note = SupportJson.readNote(body(request));
        if (!actor.has(PROGRAMME_MANAGER) && !actor.isAdviser(service.booking(programmeId, bookingId).adviserId())) {
            throw new ForbiddenException("An adviser records delivery of their own bookings only.");
        }
        Booking delivered = service.deliver(actor, programmeId, bookingId, note);
        return HttpResponses.json(200, SupportJson.booking(delivered));
    }

    /** A partnership member cancels their own partnership's bookings only. */
    private APIGatewayV2HTTPResponse cancel(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        String bookingId = pathId(request, "bookingId");
        if (!actor.has(PROGRAMME_MANAGER)) {
            Account account = service.booking(programmeId, bookingId).account();
            if (!(account instanceof Account.OfPartnership) || !actor.isMemberOf(account.id())) {
                throw new ForbiddenException("A partnership member cancels their own partnership's bookings only.");
            }
        }
        Booking cancelled = service.cancel(actor, programmeId, bookingId);
        return HttpResponses.json(200, SupportJson.booking(cancelled));
    }

    /** JSON; with {@code ?format=csv} the CSV also goes to the export bucket for finance, with a link. */
    private APIGatewayV2HTTPResponse balances(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        Optional<String> format = query(request, "format");
        format.filter(value -> !value.equals("csv")).ifPresent(value -> {
            throw InvalidInputException.of("format", "must be csv, or left out for JSON");
        });
        if (format.isPresent() && !actor.has(PROGRAMME_MANAGER) && !actor.has(FINANCE_OFFICER)) {
            throw new ForbiddenException("The balances CSV is written to the export bucket: finance and the programme"
                    + " manager make it; an auditor reads the balances without it.");
        }
        if (format.isEmpty()) {
            return HttpResponses.json(200, SupportJson.balances(programmeId, service.balances(programmeId),
                    service.advisers(programmeId)));
        }
        BalancesExport.Exported exported = balancesExport.export(programmeId);
        audit.record(actor, programmeId, "BALANCES_EXPORTED", "support-days balances", null, exported.key());
        ObjectNode response = SupportJson.balances(programmeId, exported.lines(), service.advisers(programmeId));
        response.putObject("csv").put("key", exported.key()).put("link", exported.link().toString());
        return HttpResponses.json(200, response);
    }
}
