package grants.functions.governance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.exports.ExportFile;
import grants.core.governance.PublicRecords;
import grants.documents.governance.GovernanceCsv;
import grants.http.HttpRequests;
import grants.http.HttpResponses;

import java.util.Optional;
import java.util.function.Function;

/**
 * Governance's open data (G11), for anyone without signing in: {@code decisions.csv}, {@code actions.csv} and
 * {@code recommendations.csv} of a register's public records as they stand today, with the replay's columns
 * ({@link GovernanceCsv}); an exempt decision reduced to what the public may see.
 */
final class GovernanceOpenData {

    private static final String AT = "/public/registers/{registerId}/governance";

    static final String DECISIONS_CSV = "GET " + AT + "/decisions.csv";
    static final String ACTIONS_CSV = "GET " + AT + "/actions.csv";
    static final String RECOMMENDATIONS_CSV = "GET " + AT + "/recommendations.csv";

    private final Function<String, PublicRecords> registers;

    /** @param registers what the public may see today of a register's governance */
    GovernanceOpenData(Function<String, PublicRecords> registers) {
        this.registers = registers;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        if (!routeKey.equals(DECISIONS_CSV) && !routeKey.equals(ACTIONS_CSV) && !routeKey.equals(RECOMMENDATIONS_CSV)) {
            return Optional.empty();
        }
        String registerId = HttpRequests.pathId(request, "registerId");
        PublicRecords records = registers.apply(registerId);
        ExportFile file = switch (routeKey) {
            case DECISIONS_CSV -> GovernanceCsv.decisions(records.decisions(), records.calendar(), true);
            case ACTIONS_CSV -> GovernanceCsv.actions(records.actions());
            default -> GovernanceCsv.recommendations(records.recommendations());
        };
        return Optional.of(HttpResponses.file(file, "attachment", registerId + "-" + file.name()));
    }
}
