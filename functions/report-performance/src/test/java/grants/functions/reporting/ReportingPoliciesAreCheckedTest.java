package grants.functions.reporting;

import grants.core.access.Actor;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy check covers ReportPerformance by its own statements (every call of every other test
 * of this module is checked against template.yaml as it is): with a copy of the template whose
 * statement is narrowed, a figure recorded and a card read are refused, naming the function, the
 * call and the statement they would need, and nothing is written.
 */
class ReportingPoliciesAreCheckedTest {

    private static ReportingOnTheEmulators stack;

    @BeforeAll
    static void theRegisterKept() {
        stack = new ReportingOnTheEmulators(ReportingPoliciesAreCheckedTest.class);
        stack.on("2008-07-02");
    }

    /** What a call of the function met with {@code allowed} narrowed to {@code narrower} in a copy of template.yaml. */
    private record Refused(int status, List<String> denials) {

        static Refused of(Path dir, String allowed, String narrower, String event, Actor caller) throws IOException {
            return of(dir, allowed, narrower, function -> ReportingOnTheEmulators.call(function, event, caller, Map.of(),
                    null).status());
        }

        static Refused of(Path dir, String allowed, String narrower, ToIntFunction<ReportPerformanceHandler> call)
                throws IOException {
            String template = Files.readString(TemplatePolicies.repositoryTemplate());
            assertThat(template).as("the statement this test narrows").containsOnlyOnce(allowed);
            Path copy = dir.resolve("template.yaml");
            Files.writeString(copy, template.replace(allowed, narrower));
            AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(copy));
            int status = call.applyAsInt(stack.decidedBy(recorder));
            return new Refused(status, recorder.takeDenials());
        }
    }

    @Test
    void aFigureRecordedUnderANarrowedWriteStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        Refused refused = Refused.of(dir, "dynamodb:LeadingKeys: ['REGISTER#*']\n",
                "dynamodb:LeadingKeys: ['REGISTER#other-*']\n", "post-figure.json", ReportingOnTheEmulators.ANN);

        assertThat(refused.status()).as("the handler catches the refusal").isEqualTo(500);
        assertThat(refused.denials()).singleElement().asString().contains(
                "AWS would deny ReportPerformanceFunction", "TransactWriteItems: Put",
                "pk=REGISTER#" + ReportingOnTheEmulators.REGISTER, "WriteRegistersOnly", "REGISTER#other-*");
        assertThat(stack.call("get-card.json", ReportingOnTheEmulators.BOARD).body().path("value").isNull())
                .as("nothing was recorded").isTrue();
    }

    @Test
    void aCardReadUnderANarrowedReadStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        Refused refused = Refused.of(dir, "dynamodb:LeadingKeys: ['REGISTER#*', 'AGREEMENT#*']",
                "dynamodb:LeadingKeys: ['REGISTER#*']", "get-card.json", ReportingOnTheEmulators.BOARD);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.denials()).first().asString().contains("AWS would deny ReportPerformanceFunction",
                "GetItem", "pk=AGREEMENT#" + ReportingOnTheEmulators.CONTRACT, "ReadRegistersAndMonitoredAgreementsOnly");
    }

    @Test
    void openDataReadUnderANarrowedReadStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        Refused refused = Refused.of(dir, "dynamodb:LeadingKeys: ['REGISTER#*', 'AGREEMENT#*']",
                "dynamodb:LeadingKeys: ['AGREEMENT#*']", "get-public-observations.json", null);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.denials()).first().asString().contains("AWS would deny ReportPerformanceFunction",
                "pk=REGISTER#" + ReportingOnTheEmulators.REGISTER, "ReadRegistersAndMonitoredAgreementsOnly");
    }

    @Test
    void aFrozenPackKeptUnderANarrowedBucketStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        stack.on("2008-08-14");
        Refused refused = Refused.of(dir, "'${ExportBucket.Arn}/packs/*'", "'${ExportBucket.Arn}/packs/other-*'",
                function -> ReportingOnTheEmulators.page(function, "get-board-pack.json", ReportingOnTheEmulators.BOARD)
                        .getStatusCode());

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.denials()).first().asString().contains("AWS would deny ReportPerformanceFunction",
                "s3:PutObject", "packs/" + ReportingOnTheEmulators.REGISTER + "/board-pack-2008-08-14.html",
                "KeepBoardPacksOnly");
    }
}
