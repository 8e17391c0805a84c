package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.events.HoldEventsHandler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events' part of the template: HoldEvents serves exactly its handler's routes, every one behind the user
 * pool's tokens; it writes only its events, an adviser's booked counter (that attribute alone) and its letters'
 * notices, and only adds to the audit trail; it is published with SnapStart.
 */
class EventsTemplateTest {

    private static final JsonNode FUNCTION = Template.functions().get("HoldEventsFunction");

    @Test
    void itServesItsHandlersRoutesAllSignedIn() {
        assertThat(Template.routesWithAuthorizer(FUNCTION)).as("no route of the events is public").doesNotContainValue("NONE")
                .containsOnlyKeys(HoldEventsHandler.ROUTES);
        assertThat(Template.environment(FUNCTION)).containsAll(HoldEventsHandler.SETTINGS);
        assertThat(FUNCTION.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    }

    @Test
    void itWritesOnlyItsEventsAnAdvisersBookedDaysAndItsLetters() {
        assertThat(Template.partitions(FUNCTION, "dynamodb:PutItem")).containsExactlyInAnyOrder("EVENTS#*", "NOTICES#*",
                "BUDGET#*"); // an event's cost, committed to its programme's ledger
        assertThat(Template.partitions(FUNCTION, "dynamodb:UpdateItem")).containsExactlyInAnyOrder("EVENTS#*", "SUPPORT#*");
        for (JsonNode statement : Template.statements(FUNCTION)) {
            List<String> actions = values(statement.path("Action"));
            if (values(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys"))
                    .contains("SUPPORT#*") && actions.contains("dynamodb:UpdateItem")) {
                assertThat(values(statement.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:Attributes")))
                        .as("an adviser's booked counter, nothing else of support").containsExactly("pk", "sk", "bookedHalfDays");
            }
            if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
            } else {
                assertThat(actions).as("nothing deleted").doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
            }
        }
    }

    @Test
    void theDailyRunRemindsOnceAtSevenLondonTimeAndWritesOnlyItsMarksAndLetters() {
        JsonNode run = Template.functions().get("HoldEventsDailyRunFunction");
        assertThat(Template.environment(run)).containsAll(grants.functions.eventreminders.EventRemindersHandler.SETTINGS);
        assertThat(Template.partitions(run, "dynamodb:PutItem")).containsExactlyInAnyOrder("EVENTS#*", "NOTICES#*");
        assertThat(Template.partitions(run, "dynamodb:UpdateItem")).isEmpty();
        DailyRuns.scheduledAtSevenLondonTime("HoldEventsDailyRunSchedule", "HoldEventsDailyRunFunction");
        DailyRuns.retriedThenDeadLetteredAndAlarmed("HoldEventsDailyRunSchedule", "HoldEventsDailyRunFunction");
    }
}
