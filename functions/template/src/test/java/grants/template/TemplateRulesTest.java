package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every deployable template of ours keeps, read off template.yaml. */
class TemplateRulesTest {

    @Test
    void noResourceHasAHardCodedName() {
        Template.resources().fields().forEachRemaining(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            for (String name : new String[] {"FunctionName", "TableName", "BucketName", "QueueName", "TopicName"}) {
                assertThat(properties.has(name)).as(resource.getKey() + "." + name).isFalse();
            }
        });
    }

    @Test
    void functionsRunJava21WithTracingAndEachHasItsOwnLogGroupWithRetention() {
        JsonNode globals = Template.TEMPLATE.get("Globals").get("Function");
        assertThat(globals.get("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.get("Tracing").asText()).isEqualTo("Active");
        assertThat(globals.has("MemorySize") && globals.has("Timeout") && globals.has("Architectures")).isTrue();
        Template.functions().forEach((id, function) -> {
            String logGroup = function.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            JsonNode group = Template.resources().get(logGroup);
            assertThat(group).as(id + " log group").isNotNull();
            assertThat(group.get("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.get("Properties").has("RetentionInDays")).as(id + " log retention").isTrue();
        });
    }

    @Test
    void apiFunctionsUseSnapStartThroughAnAlias() {
        Template.functions().forEach((id, function) -> {
            boolean servesTheApi = function.path("Events").findValuesAsText("Type").contains("HttpApi");
            if (servesTheApi) {
                assertThat(function.path("SnapStart").path("ApplyOn").asText()).as(id).isEqualTo("PublishedVersions");
                assertThat(function.has("AutoPublishAlias")).as(id).isTrue();
            }
        });
    }

    @Test
    void everyHttpApiIsIamAuthorizedOnEveryRoute() {
        Template.resourcesOfType("AWS::Serverless::HttpApi").forEach((id, api) ->
                assertThat(api.path("Properties").path("Auth").path("DefaultAuthorizer").asText()).as(id)
                        .isEqualTo("AWS_IAM"));
        Template.functions().forEach((id, function) -> function.path("Events").forEach(event -> {
            if (event.get("Type").asText().equals("HttpApi")) {
                assertThat(event.path("Properties").path("Auth").path("Authorizer").asText("AWS_IAM"))
                        .as(id + " route").isEqualTo("AWS_IAM");
            }
        }));
    }

    @Test
    void tablesKeepTheirDataAndBucketsAreClosedEncryptedVersionedAndTlsOnly() {
        Template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            JsonNode properties = table.get("Properties");
            assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean()).as(id + " PITR").isTrue();
            assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).as(id + " deletion protection").isTrue();
            assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
        });
        Map<String, JsonNode> policies = Template.resourcesOfType("AWS::S3::BucketPolicy");
        Template.resourcesOfType("AWS::S3::Bucket").forEach((id, bucket) -> {
            JsonNode properties = bucket.get("Properties");
            JsonNode block = properties.get("PublicAccessBlockConfiguration");
            for (String setting : new String[] {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets"}) {
                assertThat(block.path(setting).asBoolean()).as(id + " " + setting).isTrue();
            }
            assertThat(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").isArray()).isTrue();
            assertThat(properties.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
            boolean tlsOnly = policies.values().stream()
                    .filter(policy -> id.equals(policy.path("Properties").path("Bucket").path("Ref").asText()))
                    .flatMap(policy -> java.util.stream.StreamSupport.stream(
                            policy.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                    .anyMatch(statement -> statement.path("Effect").asText().equals("Deny")
                            && statement.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"));
            assertThat(tlsOnly).as(id + " denies non-TLS requests").isTrue();
        });
    }

    @Test
    void theOutputsNameTheApiTheTableAndTheBucket() {
        assertThat(Template.TEMPLATE.get("Outputs").fieldNames()).toIterable()
                .contains("ApiUrl", "GrantsTableName", "ExportBucketName");
    }
}
