package grants.functions.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SUB_GROUP;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's monitoring report as its sub-group reads it (GET /monitoring-report/{scopeId}) on the
 * emulators: the page the replay writes, made from the round's agreements as they stand. Each sample
 * contract is four instalments of £200,000.00 from 1 April 2002; neither first-quarter return (due
 * Friday 26 July) has come in, so finance's run on 15 August holds the first two instalments of each.
 */
class MonitoringReportOfARoundTest {

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void heldByAPaymentRun() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-08-15");
        assertThat(stack.call("post-payment-run.json", FINANCE).status()).isEqualTo(201);
    }

    private Response reportFor(Actor caller) {
        return stack.call("get-monitoring-report.json", caller, Map.of("scopeId", ROUND), null);
    }

    @Test
    void theSubGroupReadsTheMoneyHeldAndWhyAndEachReturnsLatenessInWords() {
        Response report = reportFor(SUB_GROUP);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.headers().get("content-type")).startsWith("text/html");
        String page = report.body().asText();
        assertThat(page).contains("<h1>Monitoring report: coventry-2002</h1>", "2 agreements, as at the end of 15 August 2002",
                "<th>Held</th><td class=\"num\">£800,000.00</td>", "<th>Not yet due</th><td class=\"num\">£800,000.00</td>",
                "Held: instalment 1 (£200,000.00): a return is overdue; waiting for contract-skills-network/2002-03 Q1.",
                "Overdue, 14 working days late", "skills-network: contract-skills-network", "cohesion: contract-cohesion-northside");
    }

    @Test
    void anOfficerReadsTheAgreementsNamingThemAndALeadContactOrSomeoneOfAnotherRoundNothing() {
        Actor subGroupElsewhere = person("subgroup-elsewhere", Role.SUB_GROUP, null, "coventry-2005");

        assertThat(reportFor(OFFICER).body().asText()).contains("1 agreement, as at", "contract-skills-network")
                .doesNotContain("contract-cohesion-northside");
        assertThat(reportFor(LEAD).status()).isEqualTo(403);
        assertThat(reportFor(subGroupElsewhere).status()).isEqualTo(403);
    }
}
