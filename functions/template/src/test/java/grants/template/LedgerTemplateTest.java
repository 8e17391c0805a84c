package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.ledger.KeepLedgerHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's part of the template: KeepLedger serves exactly its handler's routes, every one behind
 * the user pool's tokens; it reads and writes only the ledger's partitions and only adds to the audit
 * trail; it is published with SnapStart and its failures are alarmed. RecordCommitments, on the
 * table's stream, reads runs, rounds, payment runs' paid lines and the ledger, and writes only the
 * ledger. SupportDays puts a booking's charge in the ledger, and changes nothing else of it.
 */
class LedgerTemplateTest {

    private static final JsonNode FUNCTION = Template.functions().get("KeepLedgerFunction");
    private static final JsonNode INTAKE = Template.functions().get("RecordCommitmentsFunction");

    @Test
    void itServesItsHandlersRoutesAllSignedIn() {
        List<String> routes = new ArrayList<>();
        FUNCTION.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            routes.add(route.path("Method").asText() + " " + route.path("Path").asText());
            assertThat(route.path("Auth").path("Authorizer").asText()).as("no route of the ledger is public")
                    .isNotEqualTo("NONE");
        });
        assertThat(routes).containsExactlyInAnyOrderElementsOf(KeepLedgerHandler.ROUTES);
        assertThat(Template.environment(FUNCTION)).containsAll(KeepLedgerHandler.SETTINGS);
        assertThat(FUNCTION.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    }

    @Test
    void itWritesOnlyTheLedgerReadsRoundsAndRegistersForTheMoneyMapAndOnlyAddsToTheAuditTrail() {
        assertThat(Template.partitions(FUNCTION, "dynamodb:PutItem")).containsExactly("BUDGET#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:Query"))
                .containsExactlyInAnyOrder("BUDGET#*", "ROUND#*", "REGISTER#*");
        assertThat(Template.partitions(FUNCTION, "dynamodb:GetItem"))
                .containsExactlyInAnyOrder("BUDGET#*", "ROUND#*", "REGISTER#*");
        for (JsonNode statement : Template.statements(FUNCTION)) {
            List<String> actions = values(statement.path("Action"));
            if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                assertThat(actions).as("the audit trail: added to, never changed").containsExactly("dynamodb:PutItem");
            } else {
                assertThat(actions).as("nothing deleted, nothing updated in place")
                        .isSubsetOf("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
            }
        }
    }

    @Test
    void theIntakeReadsRunsAndRoundsAndWritesOnlyTheLedger() {
        assertThat(Template.environment(INTAKE)).containsAll(grants.functions.commitments.RecordCommitmentsHandler.SETTINGS);
        assertThat(Template.partitions(INTAKE, "dynamodb:PutItem")).containsExactly("BUDGET#*");
        assertThat(Template.partitions(INTAKE, "dynamodb:Query"))
                .containsExactlyInAnyOrder("ROUND#*", "PROGRAMME#*", "RUN#*", "BUDGET#*", "PAYMENT_RUN#*");
        assertThat(INTAKE.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(INTAKE.path("Events").path("RoundOrRunWritten").path("Type").asText()).isEqualTo("DynamoDB");
        assertThat(INTAKE.path("Events").path("RoundOrRunWritten").path("Properties").path("FilterCriteria").toString())
                .as("payment runs' lines reach it").contains("PAYMENT_RUN#");
    }

    @Test
    void supportDaysChargesBookingsToTheLedgerByPutsOnlyAndChangesNothingElseOfIt() {
        JsonNode supportDays = Template.functions().get("SupportDaysFunction");
        assertThat(Template.partitions(supportDays, "dynamodb:PutItem")).containsExactlyInAnyOrder("SUPPORT#*", "BUDGET#*");
        assertThat(Template.partitions(supportDays, "dynamodb:UpdateItem")).containsExactly("SUPPORT#*");
        assertThat(Template.partitions(supportDays, "dynamodb:DeleteItem")).isEmpty();
    }

    @Test
    void commissionRoundsOpensASecondCallByPutsOnlyInTheLedgerAndTheBindings() {
        JsonNode rounds = Template.functions().get("CommissionRoundsFunction");
        assertThat(Template.partitions(rounds, "dynamodb:PutItem"))
                .containsExactlyInAnyOrder("ROUND#*", "NOTICES#*", "BUDGET#*", "BINDING#*");
        assertThat(Template.partitions(rounds, "dynamodb:UpdateItem")).containsExactlyInAnyOrder("ROUND#*", "NOTICES#*");
        assertThat(Template.partitions(rounds, "dynamodb:DeleteItem")).isEmpty();
    }
}
