package grants.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** template.yaml, read once, with the questions the checks ask of it. */
final class Template {

    static final Path ROOT = Path.of("../..");
    static final JsonNode TEMPLATE = grants.policycheck.CloudFormationYaml.read(ROOT.resolve("template.yaml"));

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

    private Template() {
    }

    static JsonNode resources() {
        return TEMPLATE.get("Resources");
    }

    static Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources().fields().forEachRemaining(resource -> {
            if (type.equals(resource.getValue().get("Type").asText())) {
                found.put(resource.getKey(), resource.getValue());
            }
        });
        return found;
    }

    /** Each function's Properties. */
    static Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> functions.put(id, resource.get("Properties")));
        return functions;
    }

    /** A function's environment variable names, its own and those of Globals. */
    static Set<String> environment(JsonNode function) {
        Set<String> names = new TreeSet<>();
        TEMPLATE.path("Globals").path("Function").path("Environment").path("Variables").fieldNames()
                .forEachRemaining(names::add);
        function.path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The logical ids of resources a piece of the template refers to, through Ref, GetAtt or Sub. */
    static Set<String> referencedResources(JsonNode node) {
        Set<String> ids = new TreeSet<>();
        collect(node, ids);
        ids.retainAll(resourceIds());
        return ids;
    }

    private static Set<String> resourceIds() {
        Set<String> ids = new TreeSet<>();
        resources().fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            if (node.has("Ref")) {
                ids.add(node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt")) {
                ids.add(node.get("Fn::GetAtt").get(0).asText());
            }
            if (node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                Matcher matcher = SUB_REFERENCE.matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
            node.elements().forEachRemaining(child -> collect(child, ids));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, ids));
        }
    }

    /** The module a function's CodeUri names: functions/{module}/target/{module}.jar. */
    static String moduleOf(JsonNode function) {
        String codeUri = function.get("CodeUri").asText();
        Matcher matcher = Pattern.compile("functions/([a-z0-9-]+)/target/\\1\\.jar").matcher(codeUri);
        if (!matcher.matches()) {
            throw new AssertionError("CodeUri " + codeUri + " is not functions/{module}/target/{module}.jar");
        }
        return matcher.group(1);
    }

    /** A function's own policy statements, from every policy it lists. */
    static java.util.List<JsonNode> statements(JsonNode function) {
        java.util.List<JsonNode> statements = new java.util.ArrayList<>();
        function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
        return statements;
    }

    /** The partitions a function's statements that allow {@code action} on the grants table name. */
    static java.util.List<String> partitions(JsonNode function, String action) {
        java.util.List<String> partitions = new java.util.ArrayList<>();
        for (JsonNode statement : statements(function)) {
            if (grants.policycheck.CloudFormationYaml.values(statement.path("Action")).contains(action)
                    && referencedResources(statement.path("Resource")).contains("GrantsTable")) {
                partitions.addAll(grants.policycheck.CloudFormationYaml.values(statement.path("Condition")
                        .path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")));
            }
        }
        return partitions;
    }

    /** A function's HTTP API routes as "METHOD /path", each with the authorizer it names ("NONE" for a public one). */
    static java.util.Map<String, String> routesWithAuthorizer(JsonNode function) {
        java.util.Map<String, String> routes = new java.util.TreeMap<>();
        function.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            routes.put(route.path("Method").asText() + " " + route.path("Path").asText(),
                    route.path("Auth").path("Authorizer").asText());
        });
        return routes;
    }
}
