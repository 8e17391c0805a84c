package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.dynamodb.DynamoBindingStore;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.Role;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.LedgerService;
import grants.documents.Json;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.SettableClock;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static grants.testing.TestRounds.manager;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coventry published on the emulators, its contracts committed by the ledger's intake: its manager opens the
 * second call through CommissionRounds (every call checked against the function's policy in template.yaml):
 * 201, the £1,150,000.00 a year left carried to it in the DynamoDB ledger and its staff bound in it; pressed
 * again, 200 "already open", nothing changed; a board member is refused.
 */
class SecondCallApiTest {

    private static final String SECOND = RoundSteps.ROUND + "-second-call";

    @Test
    void theManagerOpensTheSecondCallOnceUnderTheFunctionsPolicy() {
        SettableClock clock = RoundSteps.roundsClock();
        RoundsOnTheEmulators emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        RoundSteps steps = new RoundSteps(new CommissionRoundsHandler(emulators.wiring()), clock);
        steps.decide();
        RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(emulators.wiring().table(),
                emulators.wiring().auditTable()), clock);
        new CommitmentIntake(ledger, new InMemoryProgrammeStore(), new InMemoryRunStore(), emulators.wiring().rounds(),
                clock).fromRound(RoundSteps.ROUND);
        DynamoBindingStore bindings = new DynamoBindingStore(emulators.wiring().table());
        bindings.put(new Binding("sub-finance", RoundSteps.ROUND, "Coventry's finance officer", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(steps.call(TestRounds.person(Role.BOARD_MEMBER, "board-01"), SecondCallRoutes.OPEN_SECOND_CALL,
                Map.of(), null).getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse opened = steps.call(manager(), SecondCallRoutes.OPEN_SECOND_CALL, Map.of(), null);

        assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(201);
        JsonNode body = Json.parse(opened.getBody());
        assertThat(body.get("roundId").asText()).isEqualTo(SECOND);
        assertThat(body.get("alreadyOpen").asBoolean()).isFalse();
        assertThat(body.get("fund").get("annualAmount").asText()).isEqualTo("1150000.00");
        assertThat(body.get("fund").get("annualAmountInWords").asText()).isEqualTo("£1,150,000.00");
        Actor inBoth = new Actor("auditor", "auditor@example", Set.of(Role.AUDITOR), Optional.empty(), Optional.empty(),
                Set.of(RoundSteps.ROUND, SECOND));
        assertThat(ledger.statement(inBoth, SECOND).yearTotals()).extracting(BudgetStatement.Row::carriedInPence)
                .containsOnly(115_000_000L).hasSize(3);
        assertThat(ledger.statement(inBoth, RoundSteps.ROUND).yearTotals()).extracting(BudgetStatement.Row::remainingPence)
                .containsOnly(0L);
        assertThat(bindings.get("sub-finance", SECOND)).isPresent();

        APIGatewayV2HTTPResponse again = steps.call(manager(), SecondCallRoutes.OPEN_SECOND_CALL, Map.of(), null);

        JsonNode already = RoundSteps.ok(again);
        assertThat(already.get("alreadyOpen").asBoolean()).isTrue();
        assertThat(already.get("message").asText()).contains("already open", "£1,150,000.00 a year");
        assertThat(ledger.statement(inBoth, SECOND).yearTotals()).extracting(BudgetStatement.Row::carriedInPence)
                .containsOnly(115_000_000L);
    }
}
