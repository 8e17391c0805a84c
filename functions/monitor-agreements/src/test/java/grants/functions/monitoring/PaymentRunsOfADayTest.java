package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day's payment runs read back after they were made: finance and managers see each run with who
 * made it, what it paid and what it held, and download the day's payment file and held list in the
 * columns of the replay's files; a day without a run has no files, and a day that is not a day is
 * refused naming it.
 */
class PaymentRunsOfADayTest {

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void twoContractsOneHeldByHand() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-04-01");
        assertThat(stack.call("hold-instalment.json", MANAGER, Map.of("agreementId", OTHER, "instalment", "1"),
                "{\"reason\": \"Bank details not yet confirmed\"}").status()).isEqualTo(200);
        stack.on("2002-04-02");
    }

    private Response onDay(String eventFile, String day) {
        return stack.call(eventFile, FINANCE, Map.of("day", day), null);
    }

    @Test
    void theDaysRunsAreListedInTheOrderTheyWereMadeWithWhoMadeThemAndEveryHeldReason() {
        assertThat(stack.call("post-payment-run.json", FINANCE).status()).isEqualTo(201);
        stack.clock.set(stack.clock.instant().plusSeconds(3600));
        assertThat(stack.call("post-payment-run.json", MANAGER).status()).isEqualTo(201);

        Response day = onDay("get-payment-runs.json", "2002-04-02");

        assertThat(day.status()).isEqualTo(200);
        JsonNode runs = day.body().get("runs");
        assertThat(runs).extracting(run -> run.get("madeBy").asText())
                .containsExactly(FINANCE.name(), MANAGER.name());
        JsonNode first = runs.get(0);
        assertThat(first.get("complete").asBoolean()).isTrue();
        assertThat(first.get("payments")).singleElement().satisfies(p -> {
            assertThat(p.get("agreementId").asText()).isEqualTo(SKILLS);
            assertThat(p.get("amount").asText()).isEqualTo("200000.00");
            assertThat(p.get("payee").asText()).as("named as the payment file names it; no name on record here")
                    .isEqualTo("skills-network");
        });
        assertThat(first.get("held")).singleElement().satisfies(h -> {
            assertThat(h.get("agreementId").asText()).isEqualTo(OTHER);
            assertThat(h.get("reasons")).extracting(JsonNode::asText).containsExactly("MANUAL");
            assertThat(h.at("/manualHold/reason").asText()).isEqualTo("Bank details not yet confirmed");
        });
        assertThat(first.at("/totals/paid").asText()).isEqualTo("200000.00");
        assertThat(first.at("/totals/held").asText()).isEqualTo("200000.00");
        assertThat(runs.get(1).get("payments")).as("the second run finds nothing new to pay").isEmpty();
        assertThat(runs.get(1).get("held")).as("but lists the hold again").hasSize(1);
    }

    @Test
    void theDaysPaymentFileAndHeldListHaveTheReplaysColumns() {
        stack.call("post-payment-run.json", FINANCE);

        Response payments = onDay("get-payment-file.json", "2002-04-02");
        Response held = onDay("get-held-list.json", "2002-04-02");

        assertThat(payments.status()).isEqualTo(200);
        assertThat(payments.headers().get("content-type")).startsWith("text/csv");
        assertThat(payments.headers().get("content-disposition")).contains("payments-2002-04-02.csv");
        assertThat(payments.body().asText().split("\n")).satisfiesExactly(
                header -> assertThat(header).isEqualTo("payment_reference,payee,organisation_id,partnership_id,"
                        + "partnership_name,contract_id,instalment,due_date,amount_gbp,cost_centre,run_id,round_id"),
                line -> assertThat(line).matches("MN-[0-9A-F]{6}-001,skills-network,skills-network,,,"
                        + "contract-skills-network,1,2002-04-02,200000.00,COVENTRY-2002,,coventry-2002"));
        assertThat(held.headers().get("content-disposition")).contains("held-2002-04-02.csv");
        assertThat(held.body().asText()).isEqualTo("agreement_id,instalment,due_date,amount_gbp,reasons,blocking\n"
                + "contract-cohesion-northside,1,2002-04-02,200000.00,MANUAL,\n");
    }

    @Test
    void aDayWithoutARunHasNoFilesAndSaysSo() {
        assertThat(onDay("get-payment-runs.json", "2002-04-02").body().get("runs")).isEmpty();

        Response payments = onDay("get-payment-file.json", "2002-04-02");

        assertThat(payments.status()).isEqualTo(404);
        assertThat(payments.body().at("/error/message").asText()).contains("No payment run was made on 2002-04-02");
        assertThat(onDay("get-held-list.json", "2002-04-02").status()).isEqualTo(404);
    }

    @Test
    void aDayThatIsNotARealDayIsRefusedNamingIt() {
        for (String notADay : new String[] {"2002-02-30", "yesterday", "2002-4-2"}) {
            for (String route : new String[] {"get-payment-runs.json", "get-payment-file.json", "get-held-list.json"}) {
                Response refused = onDay(route, notADay);
                assertThat(refused.status()).as(route + " for " + notADay).isEqualTo(400);
                assertThat(refused.body().at("/error/details/0/field").asText()).isEqualTo("day");
            }
        }
    }
}
