package grants.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.errors.InvalidInputException;
import grants.core.money.Days;
import grants.core.support.AdviserSuggestions;
import grants.core.support.Suggestion;
import grants.documents.Json;
import grants.http.HttpResponses;

import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.http.HttpRequests.pathId;
import static grants.http.HttpRequests.query;

/**
 * Booking suggestions (a read only; booking itself is {@link SupportRoutes}'): the advisers whose
 * specialisms match the partnership's weakest domains and who still have days, best first, with why.
 */
final class SuggestionRoutes {

    static final String GET_SUGGESTIONS = "GET /programmes/{programmeId}/support-suggestions";

    private final AdviserSuggestions suggestions;

    SuggestionRoutes(AdviserSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** {@code ?partnershipId=}: the manager for any partnership, a member for their own. */
    APIGatewayV2HTTPResponse suggest(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        String partnershipId = query(request, "partnershipId").filter(id -> !id.isBlank()).orElseThrow(() ->
                InvalidInputException.of("partnershipId", "names the partnership to suggest advisers for"));
        if (!actor.has(PROGRAMME_MANAGER) && !actor.isMemberOf(partnershipId)) {
            throw new ForbiddenException("A partnership member sees the advisers suggested for their own partnership only.");
        }
        ObjectNode body = Json.object().put("programmeId", programmeId).put("partnershipId", partnershipId);
        ArrayNode list = body.putArray("suggestions");
        for (Suggestion suggestion : suggestions.forPartnership(programmeId, partnershipId)) {
            list.addObject().put("adviserId", suggestion.adviser().id()).put("name", suggestion.adviser().name())
                    .put("domain", suggestion.domain()).put("reason", suggestion.reason())
                    .put("remainingDays", Days.format(suggestion.remainingHalfDays()));
        }
        return HttpResponses.json(200, body);
    }
}
