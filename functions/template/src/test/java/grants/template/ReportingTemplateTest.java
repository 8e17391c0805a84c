package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.reporting.ReportPerformanceHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Performance reporting's part of the template: ReportPerformance serves exactly its handler's routes
 * behind the user pool's tokens, but for the two public ones (P9); it writes only registers, reads
 * only registers and monitored agreements (a card's contributing agreements), only adds to the
 * audit trail, and in the export bucket keeps only board packs ({@code packs/}). Its failures are alarmed.
 */
class ReportingTemplateTest {

    private static final JsonNode FUNCTION = Template.functions().get("ReportPerformanceFunction");

    @Test
    void itServesItsHandlersRoutesAndOnlyItsPublicOnesWithoutSigningIn() {
        List<String> routes = new ArrayList<>();
        List<String> open = new ArrayList<>();
        FUNCTION.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            String key = route.path("Method").asText() + " " + route.path("Path").asText();
            routes.add(key);
            if (route.path("Auth").path("Authorizer").asText().equals("NONE")) {
                open.add(key);
            }
        });
        assertThat(routes).containsExactlyInAnyOrderElementsOf(ReportPerformanceHandler.ROUTES);
        assertThat(open).containsExactlyInAnyOrder("GET /public/registers/{registerId}/figures",
                "GET /public/registers/{registerId}/indicators/{indicatorId}/cards/{quarter}",
                "GET /public/registers/{registerId}/observations.csv", "GET /public/registers/{registerId}/indicators.json")
                .containsExactlyInAnyOrderElementsOf(ReportPerformanceHandler.PUBLIC_ROUTES);
        assertThat(Template.environment(FUNCTION)).containsAll(ReportPerformanceHandler.SETTINGS);
    }

    @Test
    void itWritesOnlyRegistersAndReadsOnlyRegistersAndMonitoredAgreementsAndKeepsOnlyBoardPacksInTheBucket() {
        List<String> written = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (JsonNode statement : Template.statements(FUNCTION)) {
            List<String> actions = values(statement.path("Action"));
            List<String> partitions = values(statement.path("Condition").path("ForAllValues:StringLike")
                    .path("dynamodb:LeadingKeys"));
            if (Template.referencedResources(statement.path("Resource")).contains("ExportBucket")) {
                assertThat(actions).as("a board pack kept once and read back").containsExactlyInAnyOrder("s3:PutObject",
                        "s3:GetObject");
                assertThat(statement.path("Resource").path("Fn::Sub").asText()).as("the packs, nothing else in the bucket")
                        .isEqualTo("${ExportBucket.Arn}/packs/*");
            } else if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
            } else {
                assertThat(Template.referencedResources(statement.path("Resource"))).containsExactly("GrantsTable");
                assertThat(partitions).as(statement.path("Sid").asText() + " names its partitions").isNotEmpty();
                (actions.contains("dynamodb:PutItem") ? written : read).addAll(partitions);
                assertThat(actions).isSubsetOf("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem",
                        "dynamodb:Query");
            }
        }
        assertThat(written).containsExactly("REGISTER#*");
        assertThat(read).containsExactlyInAnyOrder("REGISTER#*", "AGREEMENT#*");
    }

    @Test
    void itsFailuresAreAlarmedAndItStartsFromASnapStartSnapshot() {
        assertThat(Template.resourcesOfType("AWS::CloudWatch::Alarm").values()).anyMatch(alarm ->
                alarm.path("Properties").path("MetricName").asText().equals("Errors")
                        && alarm.path("Properties").path("Dimensions").findValuesAsText("Ref")
                        .contains("ReportPerformanceFunction"));
        assertThat(FUNCTION.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(FUNCTION.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    }
}
