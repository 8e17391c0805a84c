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
 * again, 200 "already open", nothing changed; a board member is refused. Its preview, before and after.
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
        assertThat(steps.call(TestRounds.person(Role.BOARD_MEMBER, "board-01"), SecondCallRoutes.PREVIEW_SECOND_CALL,
                Map.of(), null).getStatusCode()).isEqualTo(403);
        // Published on 1 February 2002, before the fund's first year: every year's money left is offered.
        JsonNode preview = RoundSteps.ok(steps.call(manager(), SecondCallRoutes.PREVIEW_SECOND_CALL, Map.of(), null));
        assertThat(preview.get("status").asText()).isEqualTo("READY");
        assertThat(preview.get("roundId").asText()).isEqualTo(SECOND);
        assertThat(preview.get("fund").get("annualAmount").asText()).isEqualTo("1150000.00");
        assertThat(preview.get("fund").get("inWords").asText())
                .isEqualTo("£1,150,000.00 a year for 2002-03, 2003-04 and 2004-05");
        assertThat(preview.get("carriedInAll").asText()).isEqualTo("3450000.00");
        assertThat(preview.get("message").asText()).isEqualTo("Opening a second call now would set up " + SECOND
                + " with £1,150,000.00 a year for 2002-03, 2003-04 and 2004-05, and carry the £3,450,000.00 left"
                + " unawarded to it.");
        assertThat(emulators.wiring().rounds().header(SECOND)).as("the preview sets nothing up").isEmpty();
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
        JsonNode open = RoundSteps.ok(steps.call(manager(), SecondCallRoutes.PREVIEW_SECOND_CALL, Map.of(), null));
        assertThat(open.get("status").asText()).isEqualTo("ALREADY_OPEN");
        assertThat(open.get("message").asText()).isEqualTo("The second call " + SECOND + " is already open, for"
                + " £1,150,000.00 a year for 2002-03, 2003-04 and 2004-05: there is nothing more to carry.");
        assertThat(ledger.statement(inBoth, SECOND).yearTotals()).extracting(BudgetStatement.Row::carriedInPence)
                .containsOnly(115_000_000L);
    }
}
