package grants.functions.governance;

import grants.adapters.wiring.Wiring;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static grants.functions.governance.GovernanceOnTheEmulators.BOB;
import static grants.functions.governance.GovernanceOnTheEmulators.CLERK;
import static grants.functions.governance.GovernanceOnTheEmulators.MEETING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy check covers GovernBoards and its daily run by their own statements (every call of every
 * other test of this module is checked against template.yaml as it is): with a copy of the template
 * whose statement is narrowed, a decision and an escalation (its due-day index, its email's notice) are
 * refused, naming the function, the call and the statement they would need, and nothing is written.
 */
class GovernancePoliciesAreCheckedTest {

    private static GovernanceOnTheEmulators stack;

    @BeforeAll
    static void theBodiesSetUpAndMet() {
        stack = new GovernanceOnTheEmulators(GovernancePoliciesAreCheckedTest.class);
    }

    /** Each test decides on the day of the board meeting, whatever day the one before left the clock on. */
    @BeforeEach
    void onTheDayOfTheMeeting() {
        stack.on(MEETING);
    }

    /** A recorder of the calls made under a copy of template.yaml with {@code allowed} narrowed to {@code narrower}. */
    private static AwsCallRecorder narrowed(Path dir, String allowed, String narrower) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, narrower));
        return new AwsCallRecorder(PolicyEvaluator.of(copy));
    }

    /** A statement of the template, from its Sid to its leading keys. */
    private static String statement(String sid, String action, String leadingKeys) {
        return "- Sid: " + sid + "\n              Effect: Allow\n              Action: " + action
                + "\n              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: " + leadingKeys + "\n";
    }

    @Test
    void aDecisionUnderANarrowedWriteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        AwsCallRecorder recorder = narrowed(dir, statement("WriteGovernanceOnly", "dynamodb:PutItem", "['GOVERN#*']"),
                statement("WriteGovernanceOnly", "dynamodb:PutItem", "['GOVERN#other-*']"));

        int status = GovernanceOnTheEmulators.call(stack.decidedBy(recorder), CLERK, GovernRoutes.DECIDE, Map.of(),
                Map.of(), GovernanceOnTheEmulators.action("board-1", MEETING.plusDays(14))).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny GovernBoardsFunction",
                "TransactWriteItems: Put", "pk=GOVERN#" + GovernanceOnTheEmulators.REGISTER, "WriteGovernanceOnly");
        assertThat(stack.call(CLERK, GovernRoutes.LOG).body().path("decisions")).as("nothing was recorded").isEmpty();
    }

    @Test
    void anEscalationUnderANarrowedDeleteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        assertThat(stack.call(CLERK, GovernRoutes.DECIDE, Map.of(), GovernanceOnTheEmulators.action("board-2",
                LocalDate.of(2026, 1, 22))).status()).isEqualTo(201);
        AwsCallRecorder recorder = narrowed(dir, statement("TakeEscalatedActionsOutOfTheDueIndexOnly",
                "dynamodb:DeleteItem", "['GOVERN#*##DUE']"), statement("TakeEscalatedActionsOutOfTheDueIndexOnly",
                "dynamodb:DeleteItem", "['GOVERN#other-*##DUE']"));
        Wiring checked = stack.wiringDecidedBy(recorder);
        stack.atSevenOn(LocalDate.of(2026, 2, 24));

        assertThatThrownBy(() -> new DailyEscalationRunHandler(checked).handleRequest(Map.of(), null))
                .hasMessageContaining("AWS would deny GovernBoardsDailyRunFunction");

        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny GovernBoardsDailyRunFunction",
                "TransactWriteItems: Delete", "pk=GOVERN#" + GovernanceOnTheEmulators.REGISTER + "##DUE",
                "TakeEscalatedActionsOutOfTheDueIndexOnly");
        assertThat(stack.call(BOB, GovernRoutes.MY_WORK).body().path("actions").get(0).path("escalatedOn").isNull())
                .as("nothing was escalated").isTrue();
    }

    @Test
    void anEscalationWhoseEmailCannotBeQueuedIsRefusedAsAwsWouldAndNothingIsEscalated(@TempDir Path dir)
            throws IOException {
        assertThat(stack.call(CLERK, GovernRoutes.DECIDE, Map.of(), GovernanceOnTheEmulators.action("board-4",
                LocalDate.of(2026, 1, 22))).status()).isEqualTo(201);
        AwsCallRecorder recorder = narrowed(dir, statement("QueueEscalationEmailsOnly", "dynamodb:PutItem",
                "['NOTICES#*']"), statement("QueueEscalationEmailsOnly", "dynamodb:PutItem", "['NOTICES#other-*']"));
        Wiring checked = stack.wiringDecidedBy(recorder);
        stack.atSevenOn(LocalDate.of(2026, 2, 24));

        assertThatThrownBy(() -> new DailyEscalationRunHandler(checked).handleRequest(Map.of(), null))
                .hasMessageContaining("AWS would deny GovernBoardsDailyRunFunction");

        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny GovernBoardsDailyRunFunction",
                "TransactWriteItems: Put", "pk=NOTICES#" + GovernanceOnTheEmulators.REGISTER,
                "sk=reminder/escalation/" + GovernanceOnTheEmulators.REGISTER + "/board-");
        stack.on(MEETING);
        assertThat(stack.call(BOB, GovernRoutes.MY_WORK).body().path("actions")).as("nothing was escalated")
                .allSatisfy(action -> assertThat(action.path("escalatedOn").isNull()).isTrue());
    }
}
