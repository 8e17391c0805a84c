package grants.policycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a request as IAM decides it for an identity policy: denied unless some Allow statement
 * of the function's policy names the action and the resource and every one of its conditions
 * holds; and denied whatever allows it if a Deny statement matches.
 *
 * <p>Conditions are read as IAM reads them: {@code StringLike}/{@code StringEquals} need the key
 * present and one of its values to match; {@code ForAllValues:} needs every value of the key to
 * match one pattern, and holds when the key is absent or empty (so a Scan, which has no leading
 * keys, passes a {@code dynamodb:LeadingKeys} condition on AWS too); {@code ForAnyValue:} needs one.
 * An operator not listed here never holds, so an unknown condition denies rather than allows.
 */
public final class PolicyEvaluator {

    /** The condition operators this check decides as IAM does; any other never holds here. */
    public static final java.util.Set<String> OPERATORS = java.util.Set.of("ForAllValues:StringLike",
            "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAnyValue:StringEquals", "StringLike", "StringEquals");

    private final TemplatePolicies template;

    public PolicyEvaluator(TemplatePolicies template) {
        this.template = template;
    }

    public static PolicyEvaluator of(Path templateYaml) {
        return new PolicyEvaluator(TemplatePolicies.read(templateYaml));
    }

    public TemplatePolicies template() {
        return template;
    }

    /** The decision on one request: the statement that allowed it, or why none did. */
    public record Decision(IamRequest request, Optional<Statement> allowedBy, String explanation) {

        public boolean allowed() {
            return allowedBy.isPresent();
        }
    }

    public Decision evaluate(IamRequest request) {
        List<Statement> statements = template.statements(request.function());
        Optional<Statement> allowedBy = Optional.empty();
        for (Statement statement : statements) {
            if (applies(statement, request)) {
                if (!statement.allow()) {
                    return new Decision(request, Optional.empty(), "explicitly denied by " + statement);
                }
                allowedBy = allowedBy.or(() -> Optional.of(statement));
            }
        }
        return allowedBy.map(statement -> new Decision(request, Optional.of(statement), "allowed by " + statement.sid()))
                .orElseGet(() -> new Decision(request, Optional.empty(), denial(request, statements)));
    }

    private static boolean applies(Statement statement, IamRequest request) {
        return statement.coversAction(request.action()) && statement.coversResource(request.resource())
                && conditionsHold(statement.conditions(), request.contextKeys());
    }

    static boolean conditionsHold(Map<String, Map<String, List<String>>> conditions, Map<String, List<String>> context) {
        for (Map.Entry<String, Map<String, List<String>>> operator : conditions.entrySet()) {
            for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
                if (!holds(operator.getKey(), key.getValue(), context.getOrDefault(key.getKey(), List.of()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, List<String> patterns, List<String> values) {
        return switch (operator) {
            case "ForAllValues:StringLike" -> values.stream().allMatch(value -> anyLike(patterns, value));
            case "ForAllValues:StringEquals" -> values.stream().allMatch(patterns::contains);
            case "ForAnyValue:StringLike" -> values.stream().anyMatch(value -> anyLike(patterns, value));
            case "ForAnyValue:StringEquals" -> values.stream().anyMatch(patterns::contains);
            case "StringLike" -> !values.isEmpty() && values.stream().anyMatch(value -> anyLike(patterns, value));
            case "StringEquals" -> !values.isEmpty() && values.stream().anyMatch(patterns::contains);
            default -> false;
        };
    }

    private static boolean anyLike(List<String> patterns, String value) {
        return patterns.stream().anyMatch(pattern -> Glob.matches(pattern, value));
    }

    /** What the function would need, and the nearest statement it has (the action and resource, short of a condition). */
    private static String denial(IamRequest request, List<Statement> statements) {
        String needed = "it needs a statement allowing " + request.action() + " on " + request.resource()
                + (request.contextKeys().isEmpty() ? "" : " for " + request.contextKeys());
        Optional<Statement> nearest = statements.stream()
                .filter(statement -> statement.allow() && statement.coversAction(request.action())
                        && statement.coversResource(request.resource()))
                .findFirst();
        if (nearest.isPresent()) {
            return needed + "; its statement " + nearest.get().sid() + " allows the action there only "
                    + nearest.get().conditions() + " (" + nearest.get() + ")";
        }
        Optional<Statement> sameAction = statements.stream()
                .filter(statement -> statement.allow() && statement.coversAction(request.action())).findFirst();
        if (sameAction.isPresent()) {
            return needed + "; its statement " + sameAction.get().sid() + " allows the action only on "
                    + sameAction.get().resources();
        }
        return needed + "; no statement of its policy allows " + request.action() + " at all";
    }
}
