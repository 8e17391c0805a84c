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

    /** MonitorAgreementsFunction's write statement's keys, as template.yaml has them. */
    private static final String WRITES = "dynamodb:LeadingKeys: ['AGREEMENT#*', 'REMINDER#*', 'PAYMENT_RUN#*']";

    private static final String SUBMISSION = """
            {"outputs": {"Residents taking part": 52}, "achieved": "Two cohorts started.", "next": "Open Foleshill."}""";

    /** The function's calls decided by a copy of template.yaml with {@code allowed} narrowed, on {@code day}. */
    private record Narrowed(AwsCallRecorder recorder, MonitoringOnTheEmulators stack) {

        static Narrowed of(Path dir, String allowed, String narrower, String day) throws IOException {
            String template = Files.readString(TemplatePolicies.repositoryTemplate());
            assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
            Path copy = dir.resolve("template.yaml");
            Files.writeString(copy, template.replace(allowed, narrower));
            AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));
            MonitoringOnTheEmulators stack = new MonitoringOnTheEmulators(MonitoringPoliciesAreCheckedTest.class, recorder);
            stack.on(day);
            return new Narrowed(recorder, stack);
        }
    }

    @Test
    void aReturnSubmittedUnderANarrowedPolicyIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        Narrowed narrowed = Narrowed.of(dir, WRITES, WRITES.replace("'AGREEMENT#*'", "'AGREEMENT#other-*'"),
                "2002-07-15");

        int status = narrowed.stack().call("submit-return.json", MonitoringOnTheEmulators.LEAD, Map.of(), SUBMISSION).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(narrowed.recorder().takeDenials()).singleElement().asString().contains("AWS would deny MonitorAgreementsFunction",
                "TransactWriteItems: Put", "pk=AGREEMENT#" + MonitoringOnTheEmulators.SKILLS,
                "WriteAgreementsTheirReminderDaysAndPaymentRunsOnly", "AGREEMENT#other-*");
    }

    @Test
    void aPaymentRunWhoseLinesThePolicyDoesNotAllowPaysNothing(@TempDir Path dir) throws IOException {
        Narrowed narrowed = Narrowed.of(dir, WRITES, WRITES.replace("'PAYMENT_RUN#*'", "'PAYMENT_RUN#1999-*'"),
                "2002-04-02");

        assertThat(narrowed.stack().call("post-payment-run.json", MonitoringOnTheEmulators.FINANCE).status())
                .as("the handler catches the refusal").isEqualTo(500);

        assertThat(narrowed.recorder().takeDenials()).first().asString().contains("AWS would deny MonitorAgreementsFunction",
                "TransactWriteItems: Put", "pk=PAYMENT_RUN#2002-04-02",
                "WriteAgreementsTheirReminderDaysAndPaymentRunsOnly", "PAYMENT_RUN#1999-*");
        assertThat(narrowed.stack().wiring.monitoring().agreement(MonitoringOnTheEmulators.SKILLS).orElseThrow()
                .instalment(1).paidOn()).as("no instalment is marked paid without its line").isEmpty();
    }

    @Test
    void aDaysRunsUnderANarrowedPolicyAreRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        String reads = "dynamodb:LeadingKeys: ['AGREEMENT#*', 'REMINDER#*', 'LEDGER#*', 'CALENDAR#*', 'PAYMENT_RUN#*']";
        Narrowed narrowed = Narrowed.of(dir, reads, reads.replace("'PAYMENT_RUN#*'", "'PAYMENT_RUN#1999-*'"),
                "2002-04-02");

        assertThat(narrowed.stack().call("get-payment-runs.json", MonitoringOnTheEmulators.FINANCE,
                Map.of("day", "2002-04-02"), null).status()).isEqualTo(500);

        assertThat(narrowed.recorder().takeDenials()).first().asString().contains("AWS would deny MonitorAgreementsFunction",
                "calling Query", "[PAYMENT_RUN#2002-04-02]", "ReadMonitoringOnly", "PAYMENT_RUN#1999-*");
    }

    @Test
    void theDailyRunUnderANarrowedPolicyIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        Narrowed narrowed = Narrowed.of(dir, "dynamodb:LeadingKeys: ['LEDGER#*']",
                "dynamodb:LeadingKeys: ['LEDGER#other-*']", "2002-07-19");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DailyRun.of(narrowed.stack()).run())
                .as("the run fails, and the scheduler retries it").isInstanceOf(RuntimeException.class);

        assertThat(narrowed.recorder().takeDenials()).first().asString().contains(
                "AWS would deny MonitorAgreementsDailyRunFunction", "TransactWriteItems: Put",
                "pk=LEDGER#", "WriteTheLedgerOnly", "LEDGER#other-*");
    }
}
