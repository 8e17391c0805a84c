package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.governance.BoardPapers;
import grants.core.governance.GovernanceStore;
import grants.core.governance.Minutes;
import grants.core.governance.PackSection;
import grants.core.governance.PublicLog;
import grants.core.reporting.ReportingService;
import grants.documents.governance.BoardPackWithGovernance;
import grants.documents.governance.MinutesPage;
import grants.http.HttpRequests;
import grants.http.HttpResponses;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A meeting's papers and the public log: the whole board pack (reporting's pack, then the governance
 * section, G10), a meeting's minutes (G8, G3), each as JSON for the console or as the printable page to
 * a caller whose {@code Accept} asks for HTML first (a browser opening the link); and what the public
 * sees without signing in (G11). Here, in the function, governance may read reporting's pack; reporting
 * never reads governance.
 */
final class GovernPapersRoutes {

    private final ReportingService reporting;
    private final RegisterNames names;
    private final Function<String, GovernanceStore> stores;
    private final Clock clock;
    private final String financeClientId;

    GovernPapersRoutes(ReportingService reporting, Function<String, GovernanceStore> stores, Clock clock,
                       String financeClientId) {
        this.reporting = reporting;
        this.names = new RegisterNames(reporting);
        this.stores = stores;
        this.clock = clock;
        this.financeClientId = financeClientId;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor signedIn) {
        String registerId = HttpRequests.pathId(request, "registerId");
        Actor caller = GovernRoutes.callerIn(registerId, request, signedIn, financeClientId);
        GovernanceStore store = stores.apply(registerId);
        BoardPapers papers = new BoardPapers(store, new ReportedExceptions(reporting, registerId), registerId);
        return Optional.ofNullable(switch (String.valueOf(request.getRouteKey())) {
            case GovernRoutes.PACK -> {
                LocalDate meeting = GovernanceRequests.day(request, "meetingDate");
                PackSection section = papers.packSection(caller, meeting);
                yield asAsked(request, () -> PapersJson.packSection(registerId, section, names.of(registerId)),
                        () -> BoardPackWithGovernance.html(reporting.boardPack(caller, registerId, meeting), section,
                                names.of(registerId)));
            }
            case GovernRoutes.MINUTES -> {
                Minutes minutes = papers.minutes(caller, HttpRequests.pathId(request, "bodyId"),
                        GovernanceRequests.day(request, "meetingDate"));
                Map<String, String> named = names.of(registerId);
                yield asAsked(request, () -> PapersJson.minutes(registerId, minutes, named),
                        () -> MinutesPage.html(registerId, minutes, named));
            }
            case GovernRoutes.PUBLIC_LOG -> HttpResponses.json(200, PapersJson.publicLog(registerId,
                    new PublicLog(store, clock).today(), store.bodies(), names.of(registerId)));
            default -> null;
        });
    }

    /** The printable page for a caller whose {@code Accept} asks for HTML first, as a browser does; JSON otherwise. */
    private static APIGatewayV2HTTPResponse asAsked(APIGatewayV2HTTPEvent request,
                                                    java.util.function.Supplier<JsonNode> json,
                                                    java.util.function.Supplier<String> page) {
        boolean html = HttpRequests.header(request, "accept").map(accept -> accept.trim().startsWith("text/html"))
                .orElse(false);
        return html ? HttpResponses.text(200, "text/html; charset=utf-8", page.get()) : HttpResponses.json(200, json.get());
    }
}
