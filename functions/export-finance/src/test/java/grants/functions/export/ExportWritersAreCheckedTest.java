package grants.functions.export;

import grants.testing.TestProgrammes;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export writes its files on threads of its own: their requests are still ExportFinance's, and
 * checked against its policy. With a copy of template.yaml whose WriteAndReadExports is narrowed,
 * each file written on those threads is refused, named. Its reads of the ledger are checked the same way.
 */
class ExportWritersAreCheckedTest {

    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void filesWrittenOnTheExportsOwnThreadsAreCheckedAsExportFinancesRequests(DynamodbEvent event,
                                                                             @TempDir Path dir) throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String exportsStatement = "- Sid: WriteAndReadExports\n              Effect: Allow\n              Action:\n"
                + "                - s3:PutObject\n                - s3:GetObject\n                - s3:AbortMultipartUpload\n"
                + "              Resource: !Sub '${ExportBucket.Arn}/exports/*'";
        assertThat(template).as("ExportFinance's statement, as this test narrows it").contains(exportsStatement);
        Path narrowed = dir.resolve("template.yaml");
        Files.writeString(narrowed, template.replace(exportsStatement,
                exportsStatement.replace("/exports/*'", "/exports/*/manifest.json'")));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(narrowed));
        Wiring wiring = stackCheckedBy(recorder);
        String bucket = wiring.environment().required(Environment.EXPORT_BUCKET);
        String runId = commitRun(TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock()));
        TheLedgersIntake.recordsTheRun(wiring, "l2d", runId);

        StreamsEventResponse response = new ExportFinanceHandler(wiring)
                .handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(response.getBatchItemFailures()).as("the export fails, as on AWS").hasSize(1);
        List<String> denials = recorder.takeDenials();
        assertThat(denials).isNotEmpty().allSatisfy(denial -> assertThat(denial)
                .contains("AWS would deny ExportFinanceFunction", "a presigned s3:PutObject of " + bucket + "/exports/l2d/"
                        + runId + "/", "WriteAndReadExports"));
        assertThat(String.join("\n", denials)).as("written on the export's own threads, before the manifest")
                .containsAnyOf("allocations.csv", "payments.csv", "360giving.json", "360giving.csv", "run-report.html",
                        "budget.csv", "ledger.csv")
                .doesNotContain("manifest.json: ");
    }

    /**
     * ExportFinance reads the programme's ledger (its {@code BUDGET#} items) under its read statement: with
     * a copy of template.yaml that denies it those items, the export is refused at its first read of the
     * ledger, named as AWS would name it, and nothing is written.
     */
    @ParameterizedTest
    @Event(value = "run-committed.json", type = DynamodbEvent.class)
    void theLedgersItemsAreReadUnderExportFinancesReadStatement(DynamodbEvent event, @TempDir Path dir)
            throws IOException {
        String template = Files.readString(TemplatePolicies.repositoryTemplate());
        String read = "            - Sid: ReadRunsAndProgrammes\n";
        int at = template.indexOf(read, template.indexOf("  ExportFinanceFunction:\n"));
        assertThat(at).as("ExportFinance's read statement, as this test narrows it").isPositive();
        Path narrowed = dir.resolve("template.yaml");
        Files.writeString(narrowed, template.substring(0, at) + "            - Sid: NotTheLedger\n"
                + "              Effect: Deny\n              Action: dynamodb:Query\n"
                + "              Resource: !GetAtt GrantsTable.Arn\n              Condition:\n"
                + "                ForAllValues:StringLike:\n                  dynamodb:LeadingKeys: ['BUDGET#*']\n"
                + template.substring(at));
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(narrowed));
        Wiring wiring = stackCheckedBy(recorder);
        String runId = commitRun(TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock()));
        TheLedgersIntake.recordsTheRun(wiring, "l2d", runId);

        StreamsEventResponse response = new ExportFinanceHandler(wiring)
                .handleRequest(forRun(event, runId), new LocalLambdaContext("ExportFinance"));

        assertThat(response.getBatchItemFailures()).as("the export fails, as on AWS").hasSize(1);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny ExportFinanceFunction",
                "Query", "BUDGET#l2d", "NotTheLedger");
        String bucket = wiring.environment().required(Environment.EXPORT_BUCKET);
        assertThat(wiring.aws().s3().listObjectsV2(request -> request.bucket(bucket)).contents())
                .as("nothing written").isEmpty();
    }

    /** A fresh table and bucket on the emulators, every call checked by {@code recorder}. */
    private Wiring stackCheckedBy(AwsCallRecorder recorder) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey(), recorder);
        String table = TestAwsStack.uniqueTableName(getClass());
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        return new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, bucket, Environment.SENDER_EMAIL, "grants@programme.example")), aws,
                Clock.systemUTC());
    }

    private static String commitRun(AllocationService allocations) throws IOException {
        ObjectNode document;
        try (InputStream in = ExportWritersAreCheckedTest.class.getResourceAsStream("/data/west-midlands-2007-08.json")) {
            document = (ObjectNode) Json.MAPPER.readTree(in);
        }
        document.put("programmeId", "l2d");
        allocations.putProgramme("l2d", ProgrammeJson.read(document));
        return allocations.commit("l2d", CommitRequest.confirming(allocations.dryRun("l2d").inputHash()), Optional.empty())
                .run().header().runId();
    }

    private static DynamodbEvent forRun(DynamodbEvent event, String runId) {
        Map<String, AttributeValue> keys = Map.of("pk", new AttributeValue().withS("PROGRAMME#l2d"),
                "sk", new AttributeValue().withS("RUN#" + runId));
        event.getRecords().get(0).getDynamodb().setKeys(keys);
        event.getRecords().get(0).getDynamodb().setNewImage(keys);
        return event;
    }
}
