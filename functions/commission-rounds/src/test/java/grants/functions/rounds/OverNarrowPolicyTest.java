package grants.functions.rounds;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import grants.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check itself, on a real call: with a copy of template.yaml whose CommissionRounds
 * statement is narrowed, setting up a round is refused, and the refusal names the function, the
 * call and the statement it would need, though the handler turns it into a 500.
 */
class OverNarrowPolicyTest {

    @Test
    void aPolicyNarrowedByOneStatementFailsTheCallItNoLongerAllows(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String allowed = "dynamodb:LeadingKeys: ['ROUND#*', 'NOTICES#*']";
        assertThat(template).as("WriteRoundsOnly, as this test narrows it").contains(allowed);
        Path narrowed = dir.resolve("template.yaml");
        Files.writeString(narrowed, template.replace(allowed, "dynamodb:LeadingKeys: ['ROUND#other-*', 'NOTICES#*']"));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(narrowed));
        SettableClock clock = RoundSteps.roundsClock();
        RoundSteps steps = new RoundSteps(new CommissionRoundsHandler(wiring(recorder, clock)), clock);

        assertThat(steps.setUp().getStatusCode()).as("the handler catches the refusal").isEqualTo(500);

        assertThat(recorder.takeDenials()).singleElement().asString().contains(
                "AWS would deny CommissionRoundsFunction",
                "TransactWriteItems: Put", "pk=ROUND#" + RoundSteps.ROUND, "sk=ROUND",
                "dynamodb:PutItem", "dynamodb:LeadingKeys=[ROUND#" + RoundSteps.ROUND + "]",
                "WriteRoundsOnly", "ROUND#other-*");
    }

    private static Wiring wiring(AwsCallRecorder recorder, SettableClock clock) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey(), recorder);
        String table = TestAwsStack.uniqueTableName(OverNarrowPolicyTest.class);
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        return new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, "unused")), aws, clock);
    }
}
