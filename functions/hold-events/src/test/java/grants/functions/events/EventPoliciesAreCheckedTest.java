package grants.functions.events;

import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static grants.functions.events.EventsOnTheEmulators.COVENTRY;
import static grants.functions.events.EventsOnTheEmulators.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers HoldEvents by its own statements (every call of every other test of this module is checked
 * against template.yaml as it is): with a copy of the template whose statement for a facilitator's days is narrowed,
 * creating an event is refused, naming the function, the call and the statement, and nothing is written.
 */
class EventPoliciesAreCheckedTest {

    private static EventsOnTheEmulators stack;

    @BeforeAll
    static void freshStack() {
        stack = new EventsOnTheEmulators(EventPoliciesAreCheckedTest.class);
    }

    @Test
    void anEventCreatedUnderANarrowedStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String allowed = "- Sid: DrawOnAdvisersCountersOnly\n              Effect: Allow\n              Action: dynamodb:UpdateItem\n"
                + "              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: ['SUPPORT#*']\n";
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, allowed.replace("['SUPPORT#*']", "['SUPPORT#other-*']")));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));

        int status = EventsOnTheEmulators.call(stack.decidedBy(recorder), MANAGER, EventRoutes.PUT_EVENT,
                Map.of("eventId", "pm-workshop"), EventsOnTheEmulators.WORKSHOP).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny HoldEventsFunction",
                "TransactWriteItems: Update", "pk=SUPPORT#" + EventsOnTheEmulators.L2D + ", sk=ADVISER#adviser-governance");
        assertThat(stack.call(COVENTRY, EventRoutes.GET_EVENT, Map.of("eventId", "pm-workshop"), null).status())
                .as("nothing was written").isEqualTo(404);
    }

    @Test
    void anEventsCostIsChargedOnlyUnderItsOwnStatement(@TempDir Path dir) throws IOException {
        stack.ledgerWithEventsLines(100_000L, 100_000L);
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String charging = "            - Sid: ChargeEventsToTheLedgerOnly\n              Effect: Allow\n"
                + "              Action: dynamodb:PutItem\n              Resource: !GetAtt GrantsTable.Arn\n"
                + "              Condition:\n                ForAllValues:StringLike:\n"
                + "                  dynamodb:LeadingKeys: ['BUDGET#*']\n";
        assertThat(template).as("the statement this test takes away").containsOnlyOnce(charging);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(charging, ""));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));

        int status = EventsOnTheEmulators.call(stack.decidedBy(recorder), MANAGER, EventRoutes.PUT_EVENT,
                Map.of("eventId", "costly-workshop"), EventsOnTheEmulators.workshopCosting("250.00",
                        "performance-management")).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny HoldEventsFunction",
                "TransactWriteItems: Put", "pk=BUDGET#" + EventsOnTheEmulators.L2D);
        assertThat(stack.call(COVENTRY, EventRoutes.GET_EVENT, Map.of("eventId", "costly-workshop"), null).status())
                .as("nothing was written").isEqualTo(404);
    }
}
