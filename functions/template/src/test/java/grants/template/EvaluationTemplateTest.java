package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.evaluation.EvaluateProgrammeHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation's part of the template: EvaluateProgramme serves exactly its handler's routes, only the
 * two of a survey's link without signing in; it writes only the evaluation's partitions, reads the
 * programme and support one way, only adds to the audit trail, and deletes nothing; SnapStart and an alarm.
 */
class EvaluationTemplateTest {

    private static final JsonNode FUNCTION = Template.functions().get("EvaluateProgrammeFunction");

    @Test
    void itServesItsHandlersRoutesAndOnlyTheLinksRoutesArePublic() {
        List<JsonNode> events = new ArrayList<>();
        FUNCTION.path("Events").forEach(event -> events.add(event.path("Properties")));
        Function<JsonNode, String> routeKey = event -> event.path("Method").asText() + " " + event.path("Path").asText();
        List<String> routes = events.stream().map(routeKey).toList();
        List<String> open = events.stream().filter(event -> "NONE".equals(event.path("Auth").path("Authorizer").asText()))
                .map(routeKey).toList();
        assertThat(routes).containsExactlyInAnyOrderElementsOf(EvaluateProgrammeHandler.ROUTES);
        assertThat(open).containsExactlyInAnyOrderElementsOf(EvaluateProgrammeHandler.PUBLIC_ROUTES)
                .allMatch(route -> route.contains("/public/surveys/answer/{token}"));
        assertThat(Template.environment(FUNCTION)).containsAll(EvaluateProgrammeHandler.SETTINGS);
        assertThat(FUNCTION.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(Template.resources().has("EvaluateProgrammeErrorsAlarm")).isTrue();
    }

    @Test
    void itWritesOnlyTheEvaluationAndReadsTheProgrammeAndSupportOneWay() {
        assertThat(Template.partitions(FUNCTION, "dynamodb:PutItem"))
                .containsExactlyInAnyOrder("SURVEY#*", "SURVEYLINK#*", "RATE#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:UpdateItem"))
                .containsExactlyInAnyOrder("SURVEY#*", "SURVEYLINK#*", "RATE#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:Query"))
                .containsExactlyInAnyOrder("SURVEY#*", "SURVEYLINK#*", "PROGRAMME#*", "DOCUMENT#*", "SUPPORT#*", "EVENTS#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:BatchGetItem")).containsExactly("SUPPRESSED#*");
        for (JsonNode statement : Template.statements(FUNCTION)) {
            List<String> actions = values(statement.path("Action"));
            if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
            } else {
                assertThat(actions).as("nothing deleted").noneMatch(action -> action.contains("Delete"));
            }
        }
    }
}
