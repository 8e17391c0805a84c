package grants.functions.assessment;

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

import static grants.functions.assessment.AssessmentsOnTheEmulators.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers AssessPartnerships by its own statements (every call of every other test of
 * this module is checked against template.yaml as it is): with a copy of the template whose write
 * statement is narrowed, setting the framework is refused, naming the function, the call and the
 * statement, and nothing is written.
 */
class AssessmentPoliciesAreCheckedTest {

    private static AssessmentsOnTheEmulators stack;

    @BeforeAll
    static void freshStack() {
        stack = new AssessmentsOnTheEmulators(AssessmentPoliciesAreCheckedTest.class);
    }

    @Test
    void aFrameworkSetUnderANarrowedWriteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String allowed = "- Sid: WriteAssessmentsOnly\n              Effect: Allow\n              Action: dynamodb:PutItem\n"
                + "              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: ['ASSESS#*']\n";
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, allowed.replace("['ASSESS#*']", "['ASSESS#other-*']")));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));

        int status = AssessmentsOnTheEmulators.call(stack.decidedBy(recorder),
                AssessmentsOnTheEmulators.sample("put-competency-framework.json", MANAGER, Map.of())).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny AssessPartnershipsFunction",
                "TransactWriteItems: Put", "pk=ASSESS#" + AssessmentsOnTheEmulators.L2D, "WriteAssessmentsOnly");
        assertThat(AssessmentsOnTheEmulators.call(stack.handler, AssessmentsOnTheEmulators.request(
                AssessmentRoutes.GET_FRAMEWORK, MANAGER, Map.of(), null)).status()).as("nothing was written").isEqualTo(404);
    }
}
