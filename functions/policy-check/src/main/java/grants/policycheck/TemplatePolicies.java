package grants.policycheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What template.yaml says about each function, as IAM will see it once deployed: the statements of
 * its {@code Policies}, with every {@code !GetAtt X.Arn}, {@code !Ref X} and {@code !Sub} resolved to
 * an ARN; the environment variables that name its resources (so a local table, bucket or queue can
 * be told apart by the name the function was given); the package of its handler (so a call can be
 * traced to the function that made it); and each table's partition key attribute.
 *
 * <p>ARNs are written in the stack's own terms, as a deployed stack's would be with its names in
 * place: region {@value #REGION}, account {@value #ACCOUNT}, and each resource's logical id for its
 * name ({@code arn:aws:dynamodb:eu-west-2:123456789012:table/GrantsTable}). A parameter is its own
 * name ({@code identity/${SesIdentity}} is {@code identity/SesIdentity}).
 *
 * <p>Only the template's own statements are read. SAM adds managed policies for event sources (a
 * stream function may read its stream, a queue function consume its queue); the calls those allow
 * are made by Lambda, not by our code, and are not checked here.
 */
public final class TemplatePolicies {

    static final String REGION = "eu-west-2";
    static final String ACCOUNT = "123456789012";
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.([A-Za-z]+))?}");

    private final JsonNode template;
    private final Map<String, List<Statement>> statements = new LinkedHashMap<>();
    private final Map<String, String> handlerPackages = new LinkedHashMap<>();
    /** An environment variable's name to the resource or parameter it names ({@code GRANTS_TABLE_NAME} to GrantsTable). */
    private final Map<String, String> namedByVariable = new LinkedHashMap<>();
    private final List<String> unresolved = new ArrayList<>();

    private TemplatePolicies(JsonNode template) {
        this.template = template;
        template.path("Resources").fields().forEachRemaining(resource -> {
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                read(resource.getKey(), resource.getValue().path("Properties"));
            }
        });
    }

    public static TemplatePolicies read(Path templateYaml) {
        return new TemplatePolicies(CloudFormationYaml.read(templateYaml));
    }

    /**
     * The repository's template.yaml: the one {@code -Dgrants.template} names, or the first found walking up
     * from the working directory (a module's tests run in functions/{module}).
     */
    public static Path repositoryTemplate() {
        String named = System.getProperty("grants.template");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml was not found above " + Path.of("").toAbsolutePath()
                + "; name it with -Dgrants.template=PATH");
    }

    private void read(String function, JsonNode properties) {
        String handler = properties.path("Handler").asText();
        int method = handler.indexOf("::");
        String handlerClass = method < 0 ? handler : handler.substring(0, method);
        handlerPackages.put(function, handlerClass.substring(0, Math.max(0, handlerClass.lastIndexOf('.'))));
        properties.path("Environment").path("Variables").fields().forEachRemaining(variable -> {
            JsonNode value = variable.getValue();
            if (value.has("Ref")) {
                namedByVariable.put(variable.getKey(), value.get("Ref").asText());
            }
        });
        List<Statement> own = new ArrayList<>();
        for (JsonNode policy : properties.path("Policies")) {
            // SAM policy templates and managed policy names are not read: every function here writes its own statements.
            for (JsonNode statement : policy.path("Statement")) {
                own.add(statement(function, statement));
            }
        }
        statements.put(function, List.copyOf(own));
    }

    private Statement statement(String function, JsonNode statement) {
        List<String> actions = new ArrayList<>();
        CloudFormationYaml.values(statement.path("Action")).forEach(actions::add);
        List<String> resources = new ArrayList<>();
        JsonNode resource = statement.path("Resource");
        for (JsonNode one : resource.isArray() ? resource : List.of(resource)) {
            try {
                resources.add(resolve(one));
            } catch (IllegalArgumentException unknown) {
                // Matches no request (denies, never allows), and is listed for TemplateRulesTest to refuse.
                unresolved.add(function + " " + statement.path("Sid").asText() + ": " + one);
                resources.add("unresolved:" + one);
            }
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        statement.path("Condition").fields().forEachRemaining(operator -> {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            operator.getValue().fields().forEachRemaining(key -> keys.put(key.getKey(), CloudFormationYaml.values(key.getValue())));
            conditions.put(operator.getKey(), keys);
        });
        // NotAction and NotResource are not used here; a statement with either matches nothing (fails closed).
        boolean usable = !statement.has("NotAction") && !statement.has("NotResource");
        return new Statement(function, statement.path("Sid").asText(null),
                usable && "Allow".equals(statement.path("Effect").asText()), usable ? actions : List.of(),
                resources, conditions);
    }


    /** A resource as the deployed stack would have it: a string, {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub}. */
    String resolve(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return ref(node.get("Ref").asText());
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode getAtt = node.get("Fn::GetAtt");
            return getAtt(getAtt.get(0).asText(), getAtt.get(1).asText());
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            Matcher matcher = SUB_REFERENCE.matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String value = matcher.group(2) == null ? ref(matcher.group(1)) : getAtt(matcher.group(1), matcher.group(2));
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(resolved);
            return resolved.toString();
        }
        throw new IllegalArgumentException("a policy resource this check cannot resolve: " + node);
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Partition" -> "aws";
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::StackName" -> "grants";
            default -> switch (typeOf(name)) {
                case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + name;
                case "AWS::SNS::Topic" -> arn("sns", name);
                default -> name; // a table's, bucket's or configuration set's name, or a parameter's value
            };
        };
    }

    private String getAtt(String resource, String attribute) {
        String type = typeOf(resource);
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> arnOf("dynamodb", resource, "");
            case "AWS::DynamoDB::Table.StreamArn" -> arnOf("dynamodb", resource, "") + "/stream/2026-01-01T00:00:00.000";
            case "AWS::S3::Bucket.Arn" -> arnOf("s3", resource, "");
            case "AWS::SQS::Queue.Arn" -> arnOf("sqs", resource, "");
            case "AWS::SQS::Queue.QueueName" -> resource;
            default -> arn(type.toLowerCase(java.util.Locale.ROOT).replace("::", "-"), resource + "." + attribute);
        };
    }

    private String typeOf(String logicalId) {
        if (template.path("Parameters").has(logicalId)) {
            return "Parameter";
        }
        return template.path("Resources").path(logicalId).path("Type").asText("Unknown");
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    /**
     * The ARN of a resource the template names, by its logical id, with a path below it for objects:
     * {@code arnOf("s3", "ExportBucket", "exports/a/b.csv")}.
     */
    public static String arnOf(String service, String name, String path) {
        return switch (service) {
            case "dynamodb" -> arn("dynamodb", "table/" + name) + (path.isEmpty() ? "" : "/" + path);
            case "s3" -> "arn:aws:s3:::" + name + (path.isEmpty() ? "" : "/" + path);
            case "sqs" -> arn("sqs", name);
            case "ses" -> arn("ses", path + "/" + name);
            default -> arn(service, name + (path.isEmpty() ? "" : "/" + path));
        };
    }

    public List<Statement> statements(String function) {
        return statements.getOrDefault(function, List.of());
    }

    /** Statement resources this check could not resolve (an intrinsic it does not know): each denies. */
    public List<String> unresolved() {
        return List.copyOf(unresolved);
    }

    public Map<String, String> handlerPackages() {
        return handlerPackages;
    }

    public Map<String, String> namedByVariable() {
        return namedByVariable;
    }

    /** A table's partition key attribute, from its KeySchema. */
    public Optional<String> partitionKey(String table) {
        return keyAttribute(table, "HASH");
    }

    /** A table's sort key attribute, if it has one. */
    public Optional<String> sortKey(String table) {
        return keyAttribute(table, "RANGE");
    }

    private Optional<String> keyAttribute(String table, String keyType) {
        for (JsonNode key : template.path("Resources").path(table).path("Properties").path("KeySchema")) {
            if (keyType.equals(key.path("KeyType").asText())) {
                return Optional.of(key.path("AttributeName").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of the repository's template.yaml in {@code dir} with one statement's text (found exactly once)
     * replaced by {@code narrowed}: how a test proves the check covers that statement.
     */
    public static Path copyWith(Path dir, String statement, String narrowed) throws java.io.IOException {
        String template = Files.readString(repositoryTemplate());
        if (template.indexOf(statement) < 0 || template.indexOf(statement) != template.lastIndexOf(statement)) {
            throw new IllegalStateException("template.yaml does not hold this statement exactly once: " + statement);
        }
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(statement, narrowed));
        return copy;
    }
}
