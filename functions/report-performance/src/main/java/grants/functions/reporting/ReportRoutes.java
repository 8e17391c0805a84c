package grants.functions.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.reporting.FigureUploads;
import grants.core.reporting.NotYoursException;
import grants.core.reporting.Register;
import grants.core.reporting.ReportCard;
import grants.core.reporting.ReportingService;
import grants.documents.Json;
import grants.core.exports.ExportFile;
import grants.documents.reporting.FiguresCsv;
import grants.documents.reporting.OpenData;
import grants.documents.reporting.ReportCardPage;
import grants.http.Access;
import grants.http.HttpRequests;
import grants.http.HttpResponses;
import grants.http.Identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import static grants.core.access.Role.INDICATOR_OWNER;
import static grants.core.access.Role.PROGRAMME_MANAGER;

/**
 * Performance reporting's routes: read the request, call the use case as the caller is bound in the
 * register, write the JSON. Route keys match template.yaml. A quarter has a space ({@code 2008-09 Q1}),
 * which no path parameter may carry, so a path writes it {@code 2008-09-Q1}. Who may read is the
 * use case's to say (anyone bound to the register); the route only keeps out roles that never may.
 */
final class ReportRoutes {

    static final String REGISTER = "GET /registers/{registerId}";
    static final String CREATE = "PUT /registers/{registerId}";
    static final String THEME = "PUT /registers/{registerId}/themes/{themeId}";
    static final String OUTCOME = "PUT /registers/{registerId}/outcomes/{outcomeId}";
    static final String PERSON = "PUT /registers/{registerId}/people/{personId}";
    static final String INDICATOR = "PUT /registers/{registerId}/indicators/{indicatorId}";
    static final String MEETING = "POST /registers/{registerId}/meetings";
    static final String OWN_INDICATORS = "GET /registers/{registerId}/my-indicators";
    static final String FIGURE = "POST /registers/{registerId}/indicators/{indicatorId}/figures/{quarter}";
    static final String FIGURES_FILE = "POST /registers/{registerId}/figures";
    static final String NARRATIVE = "PUT /registers/{registerId}/indicators/{indicatorId}/narratives/{quarter}";
    static final String CARD = "GET /registers/{registerId}/indicators/{indicatorId}/cards/{quarter}";
    static final String PACK = "GET /registers/{registerId}/meetings/{meetingDate}/pack";
    static final String PUBLIC_FIGURES = "GET /public/registers/{registerId}/figures";
    static final String OPEN_OBSERVATIONS = "GET /public/registers/{registerId}/observations.csv";
    static final String OPEN_INDICATORS = "GET /public/registers/{registerId}/indicators.json";
    static final String PUBLIC_CARD = "GET /public/registers/{registerId}/indicators/{indicatorId}/cards/{quarter}";

    /**
     * Every route and who may call it; the use case then checks the register itself (bound to it, the
     * indicator's owner, P10's refusals). template.yaml declares exactly these.
     */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(REGISTER, Access.anyone("read an indicator register")),
            Map.entry(CREATE, Access.by("create an indicator register", PROGRAMME_MANAGER)),
            Map.entry(THEME, Access.by("keep the register's themes", PROGRAMME_MANAGER)),
            Map.entry(OUTCOME, Access.by("keep the register's outcomes", PROGRAMME_MANAGER)),
            Map.entry(PERSON, Access.by("keep the register's people", PROGRAMME_MANAGER)),
            Map.entry(INDICATOR, Access.by("keep the register's indicators", PROGRAMME_MANAGER)),
            Map.entry(MEETING, Access.by("add a board meeting", PROGRAMME_MANAGER)),
            Map.entry(OWN_INDICATORS, Access.by("see the indicators you own", INDICATOR_OWNER)),
            Map.entry(FIGURE, Access.by("record an indicator's figure", PROGRAMME_MANAGER, INDICATOR_OWNER)),
            Map.entry(FIGURES_FILE, Access.by("load figures as a CSV file", PROGRAMME_MANAGER, INDICATOR_OWNER)),
            Map.entry(NARRATIVE, Access.by("write an indicator's narrative", INDICATOR_OWNER)),
            Map.entry(CARD, Access.anyone("read a report card")),
            Map.entry(PACK, Access.anyone("read a board pack")),
            Map.entry(PUBLIC_FIGURES, Access.publicly("read the published figures")),
            Map.entry(PUBLIC_CARD, Access.publicly("read a published report card")),
            Map.entry(OPEN_OBSERVATIONS, Access.publicly("download the published figures as open data (CSV)")),
            Map.entry(OPEN_INDICATORS, Access.publicly("download the indicators and published figures as IATI-shaped JSON")));

    static final List<String> ALL = List.copyOf(new TreeSet<>(ACCESS.keySet()));

    static final List<String> PUBLIC = ALL.stream().filter(route -> !ACCESS.get(route).signInNeeded()).toList();

    private final ReportingService reporting;
    private final FigureUploads uploads;
    private final KeptBoardPacks keptPacks;
    private final String financeClientId;

    ReportRoutes(ReportingService reporting, FigureUploads uploads, KeptBoardPacks keptPacks, String financeClientId) {
        this.reporting = reporting;
        this.uploads = uploads;
        this.keptPacks = keptPacks;
        this.financeClientId = financeClientId;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor signedIn) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        String registerId = HttpRequests.pathId(request, "registerId");
        Actor caller = signedIn == Actor.ANONYMOUS ? signedIn : Identity.in(registerId, request, financeClientId);
        try {
            return Optional.ofNullable(switch (routeKey) {
                case REGISTER -> ok(ReportingJson.register(reporting.register(caller, registerId),
                        reporting.latestCards(caller, registerId)));
                case OWN_INDICATORS -> ok(ReportingJson.indicators(registerId, reporting.indicatorsOf(caller, registerId),
                        reporting.latestCards(caller, registerId)));
                case CARD -> card(request, reporting.card(caller, registerId, indicatorId(request),
                        ReportingRequests.quarter(request)));
                case PACK -> asAsked(request, reporting.boardPack(caller, registerId, meetingDate(request)),
                        ReportingJson::pack, keptPacks::page);
                case PUBLIC_FIGURES -> ok(ReportingJson.publicFigures(registerId, reporting.publicFigures(registerId)));
                case OPEN_OBSERVATIONS -> file(OpenData.observationsCsv(reporting.publicFigures(registerId)));
                case OPEN_INDICATORS -> file(OpenData.indicatorsJson(reporting.publicRegister(registerId),
                        reporting.publicFigures(registerId)));
                case PUBLIC_CARD -> card(request, reporting.publicCard(registerId, indicatorId(request),
                        ReportingRequests.quarter(request)));
                case FIGURE -> figure(request, caller, registerId);
                case FIGURES_FILE -> HttpResponses.json(201, ReportingJson.observations(registerId,
                        uploads.record(caller, registerId, FiguresCsv.read(HttpRequests.text(request)))));
                case NARRATIVE -> {
                    ReportingRequests.Told told = ReportingRequests.narrative(ReportingRequests.bodyOf(request));
                    yield ok(ReportingJson.narrative(reporting.narrate(caller, registerId, indicatorId(request),
                            ReportingRequests.quarter(request), told.achieved(), told.next())));
                }
                default -> keep(routeKey, request, caller, registerId);
            });
        } catch (NotYoursException refused) {
            ObjectNode body = Json.object();
            body.putObject("error").put("code", refused.refusal().name()).put("message", refused.getMessage())
                    .putArray("details");
            return Optional.of(HttpResponses.json(403, body));
        }
    }

    /** Open data as a replay writes it, byte for byte (P9: public figures only). */
    private static APIGatewayV2HTTPResponse file(ExportFile file) {
        return HttpResponses.text(200, file.contentType(), new String(file.bytes(), StandardCharsets.UTF_8));
    }

    private static APIGatewayV2HTTPResponse card(APIGatewayV2HTTPEvent request, ReportCard card) {
        return asAsked(request, card, ReportingJson::card, ReportCardPage::html);
    }

    /**
     * A card or a pack as JSON for the console, or as the printable page (P7: at most two A4 sides a
     * card) for a caller whose {@code Accept} asks for HTML first, as a browser opening the link does.
     */
    private static <T> APIGatewayV2HTTPResponse asAsked(APIGatewayV2HTTPEvent request, T read,
                                                    Function<T, JsonNode> json, Function<T, String> page) {
        boolean html = HttpRequests.header(request, "accept").map(accept -> accept.trim().startsWith("text/html"))
                .orElse(false);
        return html ? HttpResponses.text(200, "text/html; charset=utf-8", page.apply(read)) : ok(json.apply(read));
    }

    private APIGatewayV2HTTPResponse figure(APIGatewayV2HTTPEvent request, Actor caller, String registerId) {
        ReportingRequests.Recorded recorded = ReportingRequests.figure(ReportingRequests.bodyOf(request));
        return HttpResponses.json(201, ReportingJson.observation(reporting.record(caller, registerId,
                indicatorId(request), ReportingRequests.quarter(request), recorded.figure(), recorded.finality(),
                recorded.reason(), HttpRequests.idempotencyKey(request))));
    }

    /** A manager keeping the register: answered with the whole register after the change. */
    private APIGatewayV2HTTPResponse keep(String routeKey, APIGatewayV2HTTPEvent request, Actor caller,
                                         String registerId) {
        JsonNode body = ReportingRequests.bodyOf(request);
        Supplier<Register> change = switch (routeKey) {
            case CREATE -> () -> {
                ReportingRequests.RegisterSettings settings = ReportingRequests.registerSettings(body);
                return reporting.keepRegister(caller, registerId, settings.note(), settings.ownerReminderWorkingDays());
            };
            case THEME -> () -> reporting.saveTheme(caller, registerId,
                    ReportingRequests.theme(pathParameter(request, "themeId"), body));
            case OUTCOME -> () -> reporting.saveOutcome(caller, registerId,
                    ReportingRequests.outcome(pathParameter(request, "outcomeId"), body));
            case PERSON -> () -> reporting.savePerson(caller, registerId,
                    ReportingRequests.person(pathParameter(request, "personId"), body));
            case INDICATOR -> () -> reporting.saveIndicator(caller, registerId,
                    ReportingRequests.indicator(indicatorId(request), body));
            case MEETING -> () -> reporting.addMeeting(caller, registerId, ReportingRequests.meeting(body));
            default -> null;
        };
        return change == null ? null : ok(ReportingJson.register(namedAsTheRequest(change)));
    }

    /**
     * The register's own checks name a field as {@code indicator.outcome} or {@code theme.id}: said as
     * the request says it, {@code outcome} in the body or {@code themeId} in the path.
     */
    private static Register namedAsTheRequest(Supplier<Register> change) {
        try {
            return change.get();
        } catch (InvalidInputException refused) {
            if (refused.details().isEmpty()) {
                throw refused;
            }
            List<Problem> asRequested = refused.details().stream().map(problem -> new Problem(
                    requestField(problem.field()), problem.problem())).toList();
            throw new InvalidInputException(refused.getMessage(), asRequested);
        }
    }

    /** What the register calls a thing it keeps, and prefixes its fields with. */
    private static final List<String> KEPT = List.of("theme", "outcome", "person", "indicator", "meeting");

    private static String requestField(String field) {
        int dot = field.indexOf('.');
        if (dot < 0 || !KEPT.contains(field.substring(0, dot))) {
            return field; // named by the request's reader already
        }
        String rest = field.substring(dot + 1);
        return rest.equals("id") ? field.substring(0, dot) + "Id" : rest;
    }

    private static String indicatorId(APIGatewayV2HTTPEvent request) {
        return pathParameter(request, "indicatorId");
    }

    private static String pathParameter(APIGatewayV2HTTPEvent request, String name) {
        return HttpRequests.pathId(request, name);
    }

    private static java.time.LocalDate meetingDate(APIGatewayV2HTTPEvent request) {
        String date = HttpRequests.pathId(request, "meetingDate");
        try {
            return java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException notADay) {
            throw InvalidInputException.of("meetingDate", "in the path must be a real day written YYYY-MM-DD, got \""
                    + date + "\"");
        }
    }

    private static APIGatewayV2HTTPResponse ok(JsonNode body) {
        return HttpResponses.json(200, body);
    }
}
