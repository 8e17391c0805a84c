package grants.policycheck;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One statement of a function's policy in template.yaml, its resources resolved to ARNs (see
 * {@link TemplatePolicies}).
 *
 * @param conditions operator (e.g. {@code ForAllValues:StringLike}) to condition key to the values allowed
 */
public record Statement(String function, String sid, boolean allow, List<String> actions, List<String> resources,
                        Map<String, Map<String, List<String>>> conditions) {

    /** Whether the statement names the action (IAM: case-insensitive, with {@code *} and {@code ?}). */
    boolean coversAction(String action) {
        return actions.stream().anyMatch(pattern -> Glob.matchesIgnoringCase(pattern, action));
    }

    /** Whether the statement names the resource (IAM: an ARN pattern with {@code *} and {@code ?}). */
    boolean coversResource(String arn) {
        return resources.stream().anyMatch(pattern -> Glob.matches(pattern, arn));
    }

    @Override
    public String toString() {
        String condition = conditions.isEmpty() ? "" : " when " + conditions.entrySet().stream()
                .flatMap(operator -> operator.getValue().entrySet().stream()
                        .map(key -> operator.getKey() + " " + key.getKey() + " " + key.getValue()))
                .collect(Collectors.joining(" and "));
        return (sid == null ? "(no Sid)" : sid) + ": " + (allow ? "Allow " : "Deny ") + actions + " on " + resources
                + condition;
    }
}
