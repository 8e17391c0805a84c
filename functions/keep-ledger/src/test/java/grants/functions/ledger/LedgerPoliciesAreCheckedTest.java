package grants.functions.ledger;

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

import static grants.functions.ledger.LedgerOnTheEmulators.FINANCE;
import static grants.functions.ledger.LedgerOnTheEmulators.L2D;
import static grants.functions.ledger.LedgerOnTheEmulators.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers KeepLedger by its own statements (every call of every other test of this
 * module is checked against template.yaml as it is): with a copy of the template whose write statement
 * is narrowed, setting a line is refused, naming the function, the call and the statement, and nothing
 * is written.
 */
class LedgerPoliciesAreCheckedTest {

    private static LedgerOnTheEmulators stack;

    @BeforeAll
    static void freshStack() {
        stack = new LedgerOnTheEmulators(LedgerPoliciesAreCheckedTest.class);
    }

    @Test
    void aLineSetUnderANarrowedWriteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String allowed = "- Sid: WriteTheLedgerOnly\n              Effect: Allow\n              Action: dynamodb:PutItem\n"
                + "              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: ['BUDGET#*']\n";
        assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace(allowed, allowed.replace("['BUDGET#*']", "['BUDGET#other-*']")));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));

        int status = LedgerOnTheEmulators.call(stack.decidedBy(recorder), MANAGER, LedgerRoutes.LINE, L2D,
                Map.of("year", "2007-08", "lineId", "core-grants"), LedgerOnTheEmulators.CORE_LINE, null).status();

        assertThat(status).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny KeepLedgerFunction",
                "TransactWriteItems: Put", "pk=BUDGET#" + L2D, "WriteTheLedgerOnly");
        assertThat(stack.read(FINANCE, LedgerRoutes.STATEMENT, L2D).json().path("lines")).as("nothing was written")
                .isEmpty();
    }
}
