package grants.policycheck;

import java.util.List;
import java.util.Map;

/**
 * What IAM is asked for one request: may this function perform this action on this resource, with
 * these condition keys. A call may need several (each action inside a transaction is asked
 * separately; SendEmail is asked for the identity and for the configuration set).
 *
 * @param function   the template's logical id of the function that made the call
 * @param action     e.g. {@code dynamodb:PutItem}
 * @param resource   the resource's ARN, in the template's terms (see {@link TemplatePolicies#arnOf})
 * @param contextKeys condition keys and their values, e.g. {@code dynamodb:LeadingKeys}: [ROUND#r1]
 * @param call       the call as made, for people: operation, table or bucket, key
 */
public record IamRequest(String function, String action, String resource, Map<String, List<String>> contextKeys,
                         String call) {

    public static final String LEADING_KEYS = "dynamodb:LeadingKeys";

    public IamRequest {
        contextKeys = Map.copyOf(contextKeys);
    }

    @Override
    public String toString() {
        return function + " calling " + call + " needs " + action + " on " + resource
                + (contextKeys.isEmpty() ? "" : " with " + contextKeys);
    }
}
