package grants.functions.evaluation;

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

import static grants.functions.evaluation.EvaluationOnTheEmulators.EVALUATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers EvaluateProgramme by its own statements (every call of every other test of this
 * module is checked against template.yaml as it is): with a copy of the template whose write statement is
 * narrowed, setting up a survey is refused, naming the function, the call and the statement, and nothing
 * is written.
 */
class EvaluationPoliciesAreCheckedTest {

    private static EvaluationOnTheEmulators stack;

    @BeforeAll
    static void freshStack() {
        stack = new EvaluationOnTheEmulators(EvaluationPoliciesAreCheckedTest.class);
    }

    @Test
    void aSurveySetUpUnderANarrowedWriteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String allowed = "                  dynamodb:LeadingKeys: ['SURVEY#*', 'SURVEYLINK#*']\n";
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, allowed.replace("'SURVEY#*'", "'SURVEY#other-*'")));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));

        int status = EvaluationOnTheEmulators.call(stack.decidedBy(recorder), EVALUATOR, EvaluationRoutes.SET_UP,
                Map.of("wave", "baseline"), stack.setUpBody("2007-05-31")).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny EvaluateProgrammeFunction",
                "TransactWriteItems: Put", "pk=SURVEY#" + EvaluationOnTheEmulators.L2D, "WriteTheEvaluationOnly");
        assertThat(stack.call(EVALUATOR, EvaluationRoutes.SURVEYS, Map.of(), null).json().path("surveys"))
                .as("nothing was written").isEmpty();
    }
}
