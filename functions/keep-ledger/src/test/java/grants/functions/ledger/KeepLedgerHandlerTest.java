package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import grants.core.calendar.FinancialYear;
import grants.localaws.LocalLambdaContext;
import grants.core.ledger.Commitment;
import grants.core.ledger.Spend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.functions.ledger.LedgerOnTheEmulators.COVENTRY;
import static grants.functions.ledger.LedgerOnTheEmulators.DEPUTY;
import static grants.functions.ledger.LedgerOnTheEmulators.FINANCE;
import static grants.functions.ledger.LedgerOnTheEmulators.L2D;
import static grants.functions.ledger.LedgerOnTheEmulators.MANAGER;
import static grants.functions.ledger.LedgerOnTheEmulators.SECOND_CALL;
import static grants.functions.ledger.LedgerOnTheEmulators.STEERING_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/** KeepLedger through its handler on the emulators, as the manager, finance and the Steering Group use it. */
class KeepLedgerHandlerTest {

    private static LedgerOnTheEmulators stack;

    @BeforeAll
    static void learningToDeliversLinesAreSet() {
        stack = new LedgerOnTheEmulators(KeepLedgerHandlerTest.class);
        stack.setUpLearningToDeliver();
    }

    @Test
    void theSteeringGroupReadsTheCoreBudgetAndTheRingFencedRdaMoneyInPoundsAndPence() {
        LedgerOnTheEmulators.Answer statement = stack.read(STEERING_GROUP, LedgerRoutes.STATEMENT, L2D);

        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.json().at("/lines/0/line").asText()).isEqualTo("core-grants");
        assertThat(statement.json().at("/lines/0/budgetInWords").asText()).isEqualTo("£540,000.00");
        assertThat(statement.json().at("/lines/1/ringFence").asText()).isEqualTo("Economic development");
        assertThat(statement.json().at("/lines/1/remaining").asText()).isEqualTo("70000.00");
        assertThat(statement.json().at("/years/0/budgetInWords").asText()).isEqualTo("£610,000.00");
        assertThat(stack.read(FINANCE, LedgerRoutes.BUDGET_CSV, L2D).text()).startsWith("""
                scope,year,line,title,source,ring_fence,in_kind,budget,carried_in,carried_out,committed,paid,remaining
                l2d-2007-08,2007-08,core-grants,Grants to partnerships,Core,,false,540000.00,""");
    }

    @Test
    void theSampleEventSetsTheRdaLineAsSamLocalInvokeWouldSendIt() {
        LedgerOnTheEmulators fresh = new LedgerOnTheEmulators(KeepLedgerHandlerTest.class);
        APIGatewayV2HTTPEvent sample = EventLoader.loadApiGatewayHttpEvent("put-budget-line.json");

        APIGatewayV2HTTPResponse answer = fresh.handler.handleRequest(sample, new LocalLambdaContext("KeepLedgerFunction"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        assertThat(fresh.read(FINANCE, LedgerRoutes.STATEMENT, L2D).json().at("/lines/0/ringFence").asText())
                .isEqualTo("Economic development");
    }

    @Test
    void aBadLineIsRefusedNamingEachFieldAndWritesNothing() {
        LedgerOnTheEmulators.Answer refused = stack.call(MANAGER, LedgerRoutes.LINE, L2D,
                Map.of("year", "2007-09", "lineId", "evaluation"),
                "{\"title\": \"Evaluation\", \"budget\": \"-5\", \"pays\": [\"SURVEYS\"], \"colour\": \"red\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsText("field"))
                .contains("colour", "source", "budget", "pays[0]");
        assertThat(stack.read(FINANCE, LedgerRoutes.STATEMENT, L2D).json().path("lines")).hasSize(2);
    }

    @Test
    void anOverspendAskedForByOneManagerIsApprovedOnlyBySomeoneElseAndItsKeyBelongsToItsRequest() {
        String ask = "{\"year\": \"2007-08\", \"line\": \"rda-economic\", \"amount\": \"1500.00\","
                + " \"reason\": \"A second seminar day\"}";
        LedgerOnTheEmulators.Answer asked = stack.callWithKey(MANAGER, LedgerRoutes.ASK_OVERSPEND, L2D, ask, "ask-1");
        String id = asked.json().path("id").asText();

        assertThat(asked.status()).isEqualTo(201);
        assertThat(stack.callWithKey(MANAGER, LedgerRoutes.ASK_OVERSPEND, L2D, ask, "ask-1").json().path("id").asText())
                .as("sent again, the same request").isEqualTo(id);
        assertThat(stack.callWithKey(MANAGER, LedgerRoutes.ASK_OVERSPEND, L2D, ask.replace("1500.00", "9000.00"),
                "ask-1").code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(stack.call(MANAGER, LedgerRoutes.APPROVE_OVERSPEND, L2D, Map.of("requestId", id), null).code())
                .isEqualTo("SAME_PERSON");
        assertThat(stack.call(DEPUTY, LedgerRoutes.APPROVE_OVERSPEND, L2D, Map.of("requestId", id), null).status())
                .isEqualTo(200);
        assertThat(stack.recordedActions(L2D)).contains("OVERSPEND_REQUESTED", "OVERSPEND_APPROVED");
    }

    @Test
    void financeAdjustsUnderItsOwnKeyAndTheLedgerCsvNamesWhoMadeEachEntry() {
        String adjustment = "{\"year\": \"2007-08\", \"line\": \"rda-economic\", \"amount\": \"250.00\","
                + " \"reason\": \"Venue invoice higher than booked\"}";
        assertThat(stack.call(FINANCE, LedgerRoutes.ADJUST, L2D, Map.of(), adjustment).json()
                .path("error").path("details").findValuesAsText("field")).containsExactly("Idempotency-Key");

        assertThat(stack.callWithKey(FINANCE, LedgerRoutes.ADJUST, L2D, adjustment, "adj-1").status()).isEqualTo(201);
        assertThat(stack.callWithKey(FINANCE, LedgerRoutes.ADJUST, L2D, adjustment, "adj-1").status()).isEqualTo(201);

        String ledger = stack.read(FINANCE, LedgerRoutes.LEDGER_CSV, L2D).text();
        assertThat(ledger.lines().filter(line -> line.contains("ADJUSTED")).toList()).singleElement().asString()
                .contains("rda-economic", "250.00", "Venue invoice higher than booked", "finance@westmidlands.example");
    }

    @Test
    void coventrysUnawardedMoneyIsCarriedToASecondCallAndShownThere() {
        for (String year : List.of("2002-03", "2003-04", "2004-05")) {
            assertThat(stack.call(MANAGER, LedgerRoutes.LINE, COVENTRY, Map.of("year", year, "lineId", "fund"),
                    "{\"title\": \"Commissioning fund\", \"source\": \"Coventry\", \"budget\": \"5000000.00\","
                            + " \"pays\": [\"CONTRACTS\"]}").status()).isEqualTo(200);
            stack.ledger().commit(new Commitment("contracts:" + year, COVENTRY, FinancialYear.parse(year).orElseThrow(),
                    Spend.CONTRACTS, Optional.empty(), 385_000_000L, "Seven contracts, " + year, "commission",
                    LocalDate.of(2002, 3, 28)));
        }

        LedgerOnTheEmulators.Answer carried = stack.call(MANAGER, LedgerRoutes.CARRY_FORWARD, COVENTRY, Map.of(),
                "{\"to\": \"" + SECOND_CALL + "\"}");

        assertThat(carried.status()).isEqualTo(200);
        assertThat(carried.json().path("entries")).hasSize(6);
        LedgerOnTheEmulators.Answer secondCall = stack.read(MANAGER, LedgerRoutes.STATEMENT, SECOND_CALL);
        assertThat(secondCall.json().path("lines").findValuesAsText("remainingInWords"))
                .containsExactly("£1,150,000.00", "£1,150,000.00", "£1,150,000.00");
        assertThat(stack.read(FINANCE, LedgerRoutes.STATEMENT, COVENTRY).json().path("lines")
                .findValuesAsText("remaining")).containsOnly("0.00");
    }
}
