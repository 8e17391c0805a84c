package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What stands between the internet and the stack, and the alarms that reach someone: read off template.yaml. */
class EdgeAndAlarmsTest {

    private static JsonNode resource(String id) {
        return Template.resources().path(id);
    }

    private static JsonNode distribution() {
        return resource("ConsoleDistribution").path("Properties").path("DistributionConfig");
    }

    private static List<JsonNode> statements(JsonNode keyPolicy) {
        List<JsonNode> statements = new ArrayList<>();
        keyPolicy.path("Statement").forEach(statements::add);
        return statements;
    }


    /** An alarm CloudWatch cannot publish to its encrypted topic is dropped without a word. */
    @Test
    void theAlarmTopicUsesAKeyOfOurOwnThatCloudWatchMayUse() {
        JsonNode topic = resource("AlarmTopic").path("Properties");
        String keyId = topic.path("KmsMasterKeyId").path("Ref").asText();
        assertThat(keyId).as("AlarmTopic is encrypted with a key the stack creates, not alias/aws/sns").isNotEmpty();
        JsonNode key = resource(keyId);
        assertThat(key.path("Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(key.path("Condition").asText()).as("created with the topic").isEqualTo("CreateAlarmTopic");
        assertThat(key.path("Properties").path("EnableKeyRotation").asBoolean()).as("key rotation").isTrue();
        assertThat(statements(key.path("Properties").path("KeyPolicy")))
                .as("CloudWatch may encrypt and decrypt with it")
                .anyMatch(statement -> statement.path("Effect").asText().equals("Allow")
                        && values(statement.path("Principal").path("Service")).contains("cloudwatch.amazonaws.com")
                        && values(statement.path("Action")).containsAll(List.of("kms:Decrypt", "kms:GenerateDataKey*")));
    }

    @Test
    void noTopicUsesAnAwsManagedKey() {
        Template.resourcesOfType("AWS::SNS::Topic").forEach((id, topic) ->
                assertThat(topic.path("Properties").path("KmsMasterKeyId").toString()).as(id)
                        .doesNotContain("alias/aws/"));
    }

    /** CustomErrorResponses would turn every 403 and 404 of the API into the console's page, answered 200. */
    @Test
    void cloudFrontRewritesOnlyTheConsolesRoutesNeverTheApisErrors() {
        assertThat(distribution().has("CustomErrorResponses")).as("no CustomErrorResponses").isFalse();
        JsonNode associations = distribution().path("DefaultCacheBehavior").path("FunctionAssociations");
        assertThat(associations.size()).isEqualTo(1);
        assertThat(associations.get(0).path("EventType").asText()).isEqualTo("viewer-request");
        assertThat(associations.get(0).path("FunctionARN").path("Fn::GetAtt").get(0).asText()).isEqualTo("ConsoleRoutes");
        assertThat(resource("ConsoleRoutes").path("Type").asText()).isEqualTo("AWS::CloudFront::Function");
        assertThat(resource("ConsoleRoutes").path("Properties").path("AutoPublish").asBoolean()).isTrue();
        List<JsonNode> behaviours = new ArrayList<>();
        distribution().path("CacheBehaviors").forEach(behaviours::add);
        assertThat(behaviours).as("the /api/* behaviour").anyMatch(b -> b.path("PathPattern").asText().equals("/api/*"));
        behaviours.forEach(behaviour -> {
            assertThat(behaviour.has("FunctionAssociations")).as(behaviour.path("PathPattern").asText()).isFalse();
            assertThat(behaviour.has("LambdaFunctionAssociations")).as(behaviour.path("PathPattern").asText()).isFalse();
        });
    }

    /** The function's own code, run by node on the paths it sees. */
    @Test
    void theConsoleRoutesFunctionServesTheConsolesPageForRoutesAndLeavesFilesAndTheApiAlone() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/", "/index.html");
        expected.put("/runs/abc", "/index.html");
        expected.put("/programmes/l2d-2007-08/allocation-runs/run-1", "/index.html");
        expected.put("/auth/callback", "/index.html");
        expected.put("/index.html", "/index.html");
        expected.put("/console.js", "/console.js");
        expected.put("/assets/fonts/light-94a07e06a1-v2.woff2", "/assets/fonts/light-94a07e06a1-v2.woff2");
        expected.put("/config.json", "/config.json");
        expected.put("/api/x", "/api/x");
        expected.put("/api/programmes/p1", "/api/programmes/p1");
        assertThat(runConsoleRoutes(List.copyOf(expected.keySet()))).isEqualTo(List.copyOf(expected.values()));
    }

    private static List<String> runConsoleRoutes(List<String> uris) throws IOException, InterruptedException {
        assumeTrue(nodeIsInstalled(), "node is needed to run the CloudFront function's code");
        String code = resource("ConsoleRoutes").path("Properties").path("FunctionCode").asText();
        StringBuilder script = new StringBuilder(code).append("\nvar uris = ").append(new com.fasterxml.jackson.databind
                .ObjectMapper().writeValueAsString(uris)).append(";\n")
                .append("uris.forEach(function (uri) { console.log(handler({request: {uri: uri, querystring: {},"
                        + " headers: {}}}).uri); });\n");
        Path file = Files.createTempFile("console-routes", ".js");
        try {
            Files.writeString(file, script);
            Process node = new ProcessBuilder("node", file.toString()).redirectErrorStream(true).start();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.exitValue()).as(output).isZero();
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean nodeIsInstalled() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theApiIsThrottled() {
        JsonNode settings = resource("GrantsApi").path("Properties").path("DefaultRouteSettings");
        assertThat(settings.path("ThrottlingBurstLimit").asInt()).isBetween(1, 1000);
        assertThat(settings.path("ThrottlingRateLimit").asDouble()).isBetween(1.0, 500.0);
    }

    /** With the execute-api endpoint on, anyone could call the API around CloudFront and its headers. */
    @Test
    void theExecuteApiEndpointIsOffAndCloudFrontReachesTheApiThroughItsOwnDomain() {
        JsonNode api = resource("GrantsApi").path("Properties");
        assertThat(api.path("DisableExecuteApiEndpoint").isBoolean()).isTrue();
        assertThat(api.path("DisableExecuteApiEndpoint").asBoolean()).isTrue();
        assertThat(api.path("Domain").path("DomainName").path("Ref").asText()).isEqualTo("ApiDomainName");
        assertThat(api.path("Domain").path("CertificateArn").path("Ref").asText()).isEqualTo("ApiCertificateArn");
        assertThat(values(api.path("Domain").path("BasePath"))).as("mapped where the stage was").containsExactly("api");
        JsonNode apiOrigin = StreamSupport.stream(distribution().path("Origins").spliterator(), false)
                .filter(origin -> origin.path("Id").asText().equals("api")).findFirst().orElseThrow();
        assertThat(apiOrigin.path("DomainName").path("Ref").asText()).isEqualTo("ApiDomainName");
        assertThat(apiOrigin.path("CustomOriginConfig").path("OriginProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(Template.TEMPLATE.toString()).as("nothing points at the switched-off endpoint")
                .doesNotContain("execute-api.${AWS::Region}");
    }
}
