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
        List<JsonNode> events = new ArrayList<>();
        FUNCTION.path("Events").forEach(events::add);

        assertThat(events).extracting(event -> event.at("/Properties/Method").asText() + " " + event.at("/Properties/Path").asText())
                .containsExactlyInAnyOrderElementsOf(AssessPartnershipsHandler.ROUTES);
        assertThat(events).as("no assessment route is public")
                .noneMatch(event -> event.at("/Properties/Auth/Authorizer").asText().equals("NONE"));
        assertThat(Template.environment(FUNCTION)).containsAll(AssessPartnershipsHandler.SETTINGS);
        assertThat(FUNCTION.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
    }

    @Test
    void itReadsProgrammesAndAssessmentsAndWritesOnlyAssessments() {
        assertThat(Template.partitions(FUNCTION, "dynamodb:PutItem")).containsExactly("ASSESS#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:Query")).containsExactlyInAnyOrder("PROGRAMME#*", "ASSESS#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:GetItem")).containsExactlyInAnyOrder("PROGRAMME#*", "ASSESS#*");
        assertThat(Template.statements(FUNCTION)).allSatisfy(statement -> {
            boolean audit = Template.referencedResources(statement.path("Resource")).contains("AuditTable");
            assertThat(values(statement.path("Action"))).as(audit ? "the audit trail: added to, never changed"
                    : "nothing deleted, nothing updated in place")
                    .isSubsetOf(audit ? List.of("dynamodb:PutItem") : List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"));
        });
    }
}
