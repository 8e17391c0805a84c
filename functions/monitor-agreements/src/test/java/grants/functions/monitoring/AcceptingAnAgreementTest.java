package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import grants.testing.GrantsAwaitingAcceptance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /agreements/{agreementId}/accept} on the emulators: a lead contact of a grant's
 * partnership accepts it once (who and when kept, in the audit trail), the payment run that held it
 * {@code NOT_ACCEPTED} is followed by one that pays it, and everyone else is refused with nothing
 * changed. A contract is accepted on its round, not here.
 */
class AcceptingAnAgreementTest {

    private static final String PROGRAMME = "wm";
    private static final String GRANT = "grant-wm-rugby";
    private static final Actor RUGBY_LEAD = person("lead-rugby-sam", Role.LEAD_CONTACT, "rugby", PROGRAMME);
    private static final Actor NUNEATON_LEAD = person("lead-nuneaton", Role.LEAD_CONTACT, "nuneaton", PROGRAMME);

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void aGrantAwaitingAcceptance() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-04-02");
        GrantsAwaitingAcceptance.enter(stack.wiring.monitoring(), GrantsAwaitingAcceptance.grant(GRANT, PROGRAMME,
                "rugby", LocalDate.parse("2002-04-02"), 19_600_00), stack.clock.instant());
    }

    private Response accept(Actor who, String agreementId, String body) {
        return stack.call("accept-agreement.json", who, Map.of("agreementId", agreementId), body);
    }

    private JsonNode agreement(String agreementId) {
        return stack.call("get-agreement.json", MANAGER, Map.of("agreementId", agreementId), null).body();
    }

    private static JsonNode grantLine(JsonNode run, String list) {
        return StreamSupport.stream(run.get(list).spliterator(), false)
                .filter(line -> line.get("agreementId").asText().equals(GRANT)).findFirst().orElse(null);
    }

    @Test
    void theLeadContactAcceptsOnceAndTheNextPaymentRunPaysWhatTheLastOneHeld() {
        JsonNode heldRun = stack.call("post-payment-run.json", FINANCE).body();
        assertThat(grantLine(heldRun, "held").get("reasons")).extracting(JsonNode::asText)
                .containsExactly("NOT_ACCEPTED");
        assertThat(grantLine(heldRun, "held").get("blocking")).extracting(JsonNode::asText).containsExactly(GRANT);
        assertThat(grantLine(heldRun, "payments")).isNull();
        assertThat(agreement(GRANT).get("accepted").isNull()).isTrue();

        stack.on("2002-04-03");
        Response accepted = accept(RUGBY_LEAD, GRANT, "{}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/accepted/on").asText()).isEqualTo("2002-04-03");
        assertThat(accepted.body().at("/accepted/by").asText()).isEqualTo(RUGBY_LEAD.email());
        assertThat(stack.wiring.auditLog().page(PROGRAMME, Optional.empty(), 50).entries())
                .filteredOn(entry -> entry.action().equals("AGREEMENT_ACCEPTED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorEmail()).isEqualTo(RUGBY_LEAD.email());
                    assertThat(entry.after()).isEqualTo("accepted by " + RUGBY_LEAD.email() + " on 3 April 2002");
                });

        stack.on("2002-04-04");
        Response again = accept(RUGBY_LEAD, GRANT, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(again.body().at("/error/message").asText()).contains("accepted by " + RUGBY_LEAD.email()
                + " on 3 April 2002");
        assertThat(agreement(GRANT).at("/accepted/on").asText()).as("the first acceptance stays").isEqualTo("2002-04-03");

        JsonNode paidRun = stack.call("post-payment-run.json", FINANCE).body();
        assertThat(grantLine(paidRun, "payments").get("amount").asText()).isEqualTo("19600.00");
        assertThat(grantLine(paidRun, "held")).isNull();
    }

    @Test
    void nobodyButALeadContactOfItsPartnershipAcceptsAGrantAndAContractIsAcceptedOnItsRound() {
        Response otherPartnership = accept(NUNEATON_LEAD, GRANT, "{}");
        assertThat(otherPartnership.status()).isEqualTo(403);
        assertThat(otherPartnership.code()).isEqualTo("NOT_LEAD_CONTACT");
        assertThat(accept(LEAD, GRANT, "{}").status()).as("a lead contact bound elsewhere").isEqualTo(403);
        assertThat(accept(MANAGER, GRANT, "{}").status()).isEqualTo(403);
        assertThat(accept(FINANCE, GRANT, "{}").status()).isEqualTo(403);

        Response withABody = accept(RUGBY_LEAD, GRANT, "{\"acceptedOn\": \"2002-01-01\"}");
        assertThat(withABody.status()).isEqualTo(400);
        assertThat(withABody.body().toString()).contains("acceptedOn");

        Response contract = accept(LEAD, SKILLS, "{}");
        assertThat(contract.status()).isEqualTo(409);
        assertThat(contract.code()).isEqualTo("ACCEPTED_ON_ROUND");

        assertThat(agreement(GRANT).get("accepted").isNull()).as("nothing changed").isTrue();
        assertThat(stack.wiring.auditLog().page(PROGRAMME, Optional.empty(), 50).entries())
                .extracting(AuditEntry::action).containsExactly("AGREEMENT_ENTERED");
    }
}
