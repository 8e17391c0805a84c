package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.audit.AuditEntry;
import grants.core.audit.AuditLog;
import grants.core.audit.AuditTrail;
import grants.documents.Json;

/**
 * A page of an audit trail as the API represents it, for the programme route and the round route
 * alike: {@code ?limit=N} (1 to {@link AuditLog#MAX_PAGE}, 50 unless given) and {@code ?after=}
 * the {@code next} of the page before.
 */
public final class AuditPages {

    private AuditPages() {
    }

    /** @param idField how the trail's owner is named in the response: {@code programmeId} or {@code roundId} */
    public static APIGatewayV2HTTPResponse respond(AuditLog audit, APIGatewayV2HTTPEvent request, String idField,
                                                   String trailId) {
        long limit = HttpRequests.query(request, "limit").map(value -> HttpRequests.wholeNumber("limit", value, 1,
                AuditLog.MAX_PAGE)).orElse(50L);
        return HttpResponses.json(200, page(idField, trailId, audit.page(trailId, HttpRequests.query(request, "after"),
                (int) limit)));
    }

    static ObjectNode page(String idField, String trailId, AuditTrail.Page page) {
        ObjectNode node = Json.object().put(idField, trailId);
        ArrayNode entries = node.putArray("entries");
        for (AuditEntry entry : page.entries()) {
            entries.addObject().put("at", entry.at().toString()).put("actor", entry.actorEmail())
                    .put("actorSubject", entry.actorSubject()).put("action", entry.action()).put("target", entry.target())
                    .put("before", entry.before()).put("after", entry.after());
        }
        page.next().ifPresent(next -> node.put("next", next));
        return node;
    }
}
