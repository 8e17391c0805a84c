package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;

import static grants.http.HttpRequests.pathId;

/**
 * The agreement a path names and the part of it: a return's and a milestone's ids have a "/" (and
 * a return's a space: {@code contract-a/2002-03 Q1}), which no path parameter may carry, so a path
 * names them by their key, the id after the agreement's with the space as "-" ({@code 2002-03-Q1},
 * {@code m1}). {@link #keyOf} is how responses write it.
 */
record AgreementParts(APIGatewayV2HTTPEvent request, String agreementId) {

    private static final String RETURN_KEY = "[0-9]{4}-[0-9]{2}-Q[1-4]";

    static AgreementParts of(APIGatewayV2HTTPEvent request) {
        return new AgreementParts(request, pathId(request, "agreementId"));
    }

    /** {@code 2002-03-Q1} in the path is return {@code <agreement>/2002-03 Q1}. */
    String returnId() {
        String key = key("returnKey");
        if (!key.matches(RETURN_KEY)) {
            throw new NotFoundException("No return " + key + " in agreement " + agreementId
                    + ": a return's key is its financial year and quarter, such as 2002-03-Q1.");
        }
        return agreementId + "/" + key.substring(0, 7) + " " + key.substring(8);
    }

    String milestoneId() {
        return agreementId + "/" + key("milestoneKey");
    }

    /** A body's evidence by milestone key ({@code m1}) as the core keeps it, by milestone id. */
    java.util.Map<String, String> milestoneIds(java.util.Map<String, String> byKey) {
        java.util.Map<String, String> byId = new java.util.TreeMap<>();
        byKey.forEach((key, text) -> byId.put(agreementId + "/" + key, text));
        return byId;
    }

    int instalment() {
        String number = request.getPathParameters() == null ? ""
                : request.getPathParameters().getOrDefault("instalment", "");
        if (!number.matches("[1-9][0-9]{0,3}")) {
            throw InvalidInputException.of("instalment", "in the path must be an instalment's number, 1 or more");
        }
        return Integer.parseInt(number);
    }

    /** A return's or milestone's key: its id without its agreement, the space as "-". */
    static String keyOf(String agreementId, String partId) {
        return partId.substring(agreementId.length() + 1).replace(' ', '-');
    }

    private String key(String name) {
        return pathId(request, name);
    }
}
