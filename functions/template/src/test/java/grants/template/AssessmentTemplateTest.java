package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.assessment.AssessPartnershipsHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learning to Deliver's assessments in the template: AssessPartnerships serves exactly its handler's
 * routes, all signed in; it reads only programmes and assessments, writes only assessments (puts, never
 * an update or a delete) and only adds to the audit trail; SnapStart and an alarm as every function.
 */
class AssessmentTemplateTest {

    private static final JsonNode FUNCTION = Template.functions().get("AssessPartnershipsFunction");

    @Test
    void itServesItsHandlersRoutesAllSignedIn() {
        List<String> routes = new ArrayList<>();
        FUNCTION.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            routes.add(route.path("Method").asText() + " " + route.path("Path").asText());
            assertThat(route.path("Auth").path("Authorizer").asText()).as("no assessment route is public")
                    .isNotEqualTo("NONE");
        });
        assertThat(routes).containsExactlyInAnyOrderElementsOf(AssessPartnershipsHandler.ROUTES);
        assertThat(Template.environment(FUNCTION)).containsAll(AssessPartnershipsHandler.SETTINGS);
        assertThat(FUNCTION.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    }

    @Test
    void itReadsProgrammesAndAssessmentsAndWritesOnlyAssessments() {
        assertThat(Template.partitions(FUNCTION, "dynamodb:PutItem")).containsExactly("ASSESS#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:Query")).containsExactlyInAnyOrder("PROGRAMME#*", "ASSESS#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:GetItem")).containsExactlyInAnyOrder("PROGRAMME#*", "ASSESS#*");
        for (JsonNode statement : Template.statements(FUNCTION)) {
            List<String> actions = values(statement.path("Action"));
            if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
            } else {
                assertThat(actions).as("nothing deleted, nothing updated in place")
                        .isSubsetOf("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
            }
        }
    }
}
