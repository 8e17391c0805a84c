package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager names an agreement's officer (PUT /agreements/{agreementId}/officer) on the emulators:
 * the officer named then reviews its returns, and the daily run writes their escalation reminder
 * to the address the manager gave, where an agreement whose officer has no address on record finds
 * nobody. Anyone but a manager is refused, bad input is named, and neither changes anything.
 */
class NamingTheOfficerTest {

    private static final Actor PRIYA = person("officer-priya", Role.OFFICER, null, ROUND);
    private static final String PRIYA_ADDRESS = "priya.shah@coventry.example";
    private static final String Q1 = "2002-03-Q1";

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void contractsInMonitoring() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-07-15");
    }

    private Response name(Actor caller, String agreementId, String body) {
        return stack.call("put-officer.json", caller, Map.of("agreementId", agreementId), body);
    }

    private static String naming(String personId, String email) {
        return "{\"personId\": \"" + personId + "\", \"email\": \"" + email + "\"}";
    }

    private JsonNode agreement(String agreementId) {
        return stack.call("get-agreement.json", MANAGER, Map.of("agreementId", agreementId), null).body();
    }

    private long auditEntries() {
        return stack.wiring.auditLog().page(ROUND, Optional.empty(), 100).entries().size();
    }

    @Test
    void theOfficerAManagerNamesReviewsTheAgreementsReturnsInsteadOfTheOneBefore() {
        stack.call("submit-return.json", LEAD, Map.of(), """
                {"outputs": {"Residents taking part": 52}, "achieved": "Two cohorts started.", "next": "Open Foleshill."}""");
        assertThat(stack.call("accept-return.json", PRIYA).status()).as("not yet the officer").isEqualTo(403);

        Response named = name(MANAGER, SKILLS, naming("officer-priya", PRIYA_ADDRESS));

        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body().get("officer").asText()).isEqualTo("officer-priya");
        assertThat(stack.wiring.auditLog().page(ROUND, Optional.empty(), 100).entries())
                .filteredOn(entry -> entry.action().equals("OFFICER_NAMED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorEmail()).isEqualTo(MANAGER.email());
                    assertThat(entry.before()).isEqualTo("officer officer-chen");
                    assertThat(entry.after()).isEqualTo("officer officer-priya, written to at " + PRIYA_ADDRESS);
                });
        assertThat(stack.call("accept-return.json", OFFICER).status()).as("no longer the officer").isEqualTo(403);
        Response accepted = stack.call("accept-return.json", PRIYA);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(returnOf(accepted.body(), Q1).get("state").asText()).isEqualTo("ACCEPTED");

        long entries = auditEntries();
        assertThat(name(MANAGER, SKILLS, naming("officer-priya", PRIYA_ADDRESS)).status()).isEqualTo(200);
        assertThat(auditEntries()).as("naming the same officer again changes nothing").isEqualTo(entries);
    }

    @Test
    void theDailyRunSendsTheEscalationToTheNamedOfficersAddressAndFindsNobodyForAnOfficerWithout() {
        assertThat(name(MANAGER, SKILLS, naming("officer-priya", PRIYA_ADDRESS)).status()).isEqualTo(200);
        String escalation = SKILLS + "/2002-03 Q1/r-escalate/2002-07-26";
        stack.on(reminder(SKILLS, escalation).get("plannedOn").asText());

        DailyRun.of(stack).run();

        JsonNode sent = reminder(SKILLS, escalation);
        assertThat(sent.get("state").asText()).isEqualTo("SENT");
        assertThat(sent.get("recipients")).extracting(JsonNode::asText).containsExactly(PRIYA_ADDRESS);
        JsonNode nobody = reminder(OTHER, OTHER + "/2002-03 Q1/r-escalate/2002-07-26");
        assertThat(nobody.get("state").asText()).as("officer-amir was never named with an address")
                .isEqualTo("SUPPRESSED");
        assertThat(nobody.get("reason").asText()).isEqualTo("NO_CONTACT");
    }

    @Test
    void aLeadContactNamingAnOfficerIsRefusedAndNothingChanges() {
        long entries = auditEntries();

        Response refused = name(LEAD, SKILLS, naming("officer-priya", PRIYA_ADDRESS));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(agreement(SKILLS).get("officer").asText()).isEqualTo("officer-chen");
        assertThat(auditEntries()).isEqualTo(entries);
        assertThat(stack.wiring.monitoring().addressOf("officer-priya")).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingChanges() {
        Response badAddress = name(MANAGER, SKILLS, naming("officer-priya", "priya at coventry"));
        Response blankPerson = name(MANAGER, SKILLS, naming(" ", PRIYA_ADDRESS));
        Response unknownField = name(MANAGER, SKILLS, """
                {"personId": "officer-priya", "email": "priya.shah@coventry.example", "phone": "024 7683 3333"}""");

        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body().toString()).contains("\"email\"").doesNotContain("\"personId\"");
        assertThat(blankPerson.status()).isEqualTo(400);
        assertThat(blankPerson.body().toString()).contains("\"personId\"");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().toString()).contains("phone");
        assertThat(agreement(SKILLS).get("officer").asText()).isEqualTo("officer-chen");
        assertThat(stack.wiring.auditLog().page(ROUND, Optional.empty(), 100).entries()).extracting(AuditEntry::action)
                .doesNotContain("OFFICER_NAMED");
        assertThat(stack.wiring.monitoring().addressOf("officer-priya")).isEmpty();
    }

    private JsonNode reminder(String agreementId, String reminderId) {
        JsonNode reminders = stack.call("get-agreement-reminders.json", MANAGER, Map.of("agreementId", agreementId),
                null).body().get("reminders");
        return StreamSupport.stream(reminders.spliterator(), false).filter(r -> r.get("id").asText().equals(reminderId))
                .findFirst().orElseThrow(() -> new AssertionError("no reminder " + reminderId + " in " + reminders));
    }

    private static JsonNode returnOf(JsonNode agreement, String key) {
        return StreamSupport.stream(agreement.get("returns").spliterator(), false)
                .filter(item -> item.path("key").asText().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no return " + key));
    }
}
