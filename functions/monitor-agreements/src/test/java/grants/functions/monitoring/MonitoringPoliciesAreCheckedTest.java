package grants.functions.monitoring;

import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers both monitoring functions, each by its own statements: with a copy of
 * template.yaml whose write statement is narrowed, a submitted return (MonitorAgreementsFunction)
 * and a reminder handled by the daily run (MonitorAgreementsDailyRunFunction) are refused, naming
 * the function, the call and the statement they would need.
 */
class MonitoringPoliciesAreCheckedTest {

    private static final String SUBMISSION = """
            {"outputs": {"Residents taking part": 52}, "achieved": "Two cohorts started.", "next": "Open Foleshill."}""";

    private static AwsCallRecorder narrowed(Path dir, String allowed, String narrower) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, narrower));
        return new AwsCallRecorder(PolicyEvaluator.of(copy));
    }

    @Test
    void aReturnSubmittedUnderANarrowedPolicyIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        AwsCallRecorder recorder = narrowed(dir, "dynamodb:LeadingKeys: ['AGREEMENT#*', 'REMINDER#*']",
                "dynamodb:LeadingKeys: ['AGREEMENT#other-*', 'REMINDER#*']");
        MonitoringOnTheEmulators stack = new MonitoringOnTheEmulators(getClass(), recorder);
        stack.on("2002-07-15");

        int status = stack.call("submit-return.json", MonitoringOnTheEmulators.LEAD, Map.of(), SUBMISSION).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).singleElement().asString().contains("AWS would deny MonitorAgreementsFunction",
                "TransactWriteItems: Put", "pk=AGREEMENT#" + MonitoringOnTheEmulators.SKILLS,
                "WriteAgreementsAndTheirReminderDaysOnly", "AGREEMENT#other-*");
    }

    @Test
    void theDailyRunUnderANarrowedPolicyIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        AwsCallRecorder recorder = narrowed(dir, "dynamodb:LeadingKeys: ['LEDGER#*']",
                "dynamodb:LeadingKeys: ['LEDGER#other-*']");
        MonitoringOnTheEmulators stack = new MonitoringOnTheEmulators(getClass(), recorder);
        stack.on("2002-07-19");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DailyRun.of(stack).run())
                .as("the run fails, and the scheduler retries it").isInstanceOf(RuntimeException.class);

        assertThat(recorder.takeDenials()).first().asString().contains(
                "AWS would deny MonitorAgreementsDailyRunFunction", "TransactWriteItems: Put",
                "pk=LEDGER#", "WriteTheLedgerOnly", "LEDGER#other-*");
    }
}
