package grants.functions.export;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExportFinance reads the programme's ledger (its {@code BUDGET#} items) under its read statement, and
 * only reads it: with a copy of template.yaml that denies it those items, the export is refused at
 * its first read of the ledger, named as AWS would name it, and nothing is announced. (The handler's
 * other tests run under template.yaml as it is, where every call they make is allowed.)
 */
class ExportReadsOfTheLedgerAreCheckedTest {

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void theLedgersItemsAreReadUnderExportFinancesReadStatement(DynamodbEvent event, @TempDir Path dir)
            throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        int exportFinance = template.indexOf("  ExportFinanceFunction:\n");
        String read = "            - Sid: ReadRunsAndProgrammes\n";
        int at = template.indexOf(read, exportFinance);
        assertThat(at).as("ExportFinance's read statement, as this test narrows it").isPositive();
        Path narrowed = dir.resolve("template.yaml");
        Files.writeString(narrowed, template.substring(0, at) + "            - Sid: NotTheLedger\n"
                + "              Effect: Deny\n              Action: dynamodb:Query\n"
                + "              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: ['BUDGET#*']\n"
                + template.substring(at));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(narrowed));
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey(), recorder);
        String table = TestAwsStack.uniqueTableName(getClass());
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE,
                table + "-audit", Environment.EXPORT_BUCKET, bucket, Environment.SENDER_EMAIL,
                "grants@programme.example")), aws, Clock.systemUTC());
        AllocationService allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        allocations.putProgramme("l2d", TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, "l2d"));
        String runId = allocations.commit("l2d", CommitRequest.confirming(allocations.dryRun("l2d").inputHash()),
                Optional.empty()).run().header().runId();
        TheLedgersIntake.recordsTheRun(wiring, "l2d", runId);

        Map<String, AttributeValue> keys = Map.of("pk", new AttributeValue().withS("PROGRAMME#l2d"),
                "sk", new AttributeValue().withS("RUN#" + runId));
        event.getRecords().get(0).getDynamodb().setKeys(keys);
        event.getRecords().get(0).getDynamodb().setNewImage(keys);
        StreamsEventResponse response = new ExportFinanceHandler(wiring)
                .handleRequest(event, new LocalLambdaContext("ExportFinance"));

        assertThat(response.getBatchItemFailures()).as("the export fails, as on AWS").hasSize(1);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny ExportFinanceFunction",
                "Query", "BUDGET#l2d", "NotTheLedger");
        assertThat(aws.s3().listObjectsV2(request -> request.bucket(bucket)).contents()).as("nothing written")
                .isEmpty();
    }
}
