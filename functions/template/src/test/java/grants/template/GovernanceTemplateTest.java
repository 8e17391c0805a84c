package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.functions.governance.GovernBoardsHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Governance's part of the template: GovernBoards serves exactly its handler's routes behind the user
 * pool's tokens, but for the public decisions log (G11); it and its daily escalation run write only
 * governance's partitions (the daily run also an escalation's email's notice, with a notice's attributes
 * only), delete only from the due-day index, read only governance, the register (its pack's exceptions;
 * its people's addresses) and the calendar, and only add to the audit trail. The run is scheduled at 07:00
 * London time all year, retried, then kept in an alarmed dead-letter queue; failures are alarmed.
 */
class GovernanceTemplateTest {

    private static final JsonNode HTTP = Template.functions().get("GovernBoardsFunction");
    private static final JsonNode DAILY_RUN = Template.functions().get("GovernBoardsDailyRunFunction");

    @Test
    void itServesItsHandlersRoutesAndOnlyThePublicLogAndOpenDataWithoutSigningIn() {
        List<String> routes = new ArrayList<>();
        List<String> open = new ArrayList<>();
        HTTP.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            String key = route.path("Method").asText() + " " + route.path("Path").asText();
            routes.add(key);
            if (route.path("Auth").path("Authorizer").asText().equals("NONE")) {
                open.add(key);
            }
        });
        assertThat(routes).containsExactlyInAnyOrderElementsOf(GovernBoardsHandler.ROUTES);
        assertThat(open).containsExactlyInAnyOrder("GET /public/registers/{registerId}/governance/decisions",
                        "GET /public/registers/{registerId}/governance/decisions.csv",
                        "GET /public/registers/{registerId}/governance/actions.csv",
                        "GET /public/registers/{registerId}/governance/recommendations.csv")
                .containsExactlyInAnyOrderElementsOf(GovernBoardsHandler.PUBLIC_ROUTES);
        assertThat(Template.environment(HTTP)).containsAll(GovernBoardsHandler.SETTINGS);
        assertThat(Template.environment(DAILY_RUN)).containsAll(DailyEscalationRunHandler.SETTINGS);
        assertThat(DAILY_RUN.path("Events").isMissingNode() || DAILY_RUN.path("Events").isEmpty())
                .as("the daily run is started by its schedule, never by the API").isTrue();
    }

    @Test
    void bothWriteOnlyGovernanceAndReadOnlyWhatTheyNeed() {
        assertThat(Template.partitions(HTTP, "dynamodb:PutItem")).containsExactly("GOVERN#*");
        assertThat(Template.partitions(HTTP, "dynamodb:DeleteItem")).containsExactly("GOVERN#*##DUE");
        assertThat(Template.partitions(HTTP, "dynamodb:Query")).containsExactlyInAnyOrder("GOVERN#*", "REGISTER#*", "CALENDAR#*");
        assertThat(Template.partitions(DAILY_RUN, "dynamodb:PutItem")).as("an escalation, and its email's notice")
                .containsExactlyInAnyOrder("GOVERN#*", "NOTICES#*");
        assertThat(Template.partitions(DAILY_RUN, "dynamodb:DeleteItem")).containsExactly("GOVERN#*##DUE");
        assertThat(Template.partitions(DAILY_RUN, "dynamodb:Query")).as("of reporting, only the register's people's addresses")
                .containsExactlyInAnyOrder("GOVERN#*", "CALENDAR#*", "REGISTER#*", "PERSON#*");
        for (JsonNode function : List.of(HTTP, DAILY_RUN)) {
            for (JsonNode statement : Template.statements(function)) {
                List<String> actions = values(statement.path("Action"));
                if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                    assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
                } else {
                    assertThat(Template.referencedResources(statement.path("Resource"))).containsExactly("GrantsTable");
                    assertThat(actions).isSubsetOf("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                            "dynamodb:Query");
                }
            }
        }
    }

    @Test
    void theDailyRunIsScheduledAtSevenLondonTimeRetriedAndKeptInAnAlarmedDeadLetterQueue() {
        DailyRuns.scheduledAtSevenLondonTime("GovernBoardsDailyRunSchedule", "GovernBoardsDailyRunFunction");
        DailyRuns.retriedThenDeadLetteredAndAlarmed("GovernBoardsDailyRunSchedule", "GovernBoardsFunction",
                "GovernBoardsDailyRunFunction");
        for (JsonNode function : List.of(HTTP, DAILY_RUN)) {
            assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
            assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        }
    }
}
