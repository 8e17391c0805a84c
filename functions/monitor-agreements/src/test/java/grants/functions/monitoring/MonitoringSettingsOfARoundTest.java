package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.monitoring.MonitoringService;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import grants.testing.InMemoryAddressees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static grants.functions.monitoring.MonitoringOnTheEmulators.contract;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's manager keeps its monitoring settings (GET and PUT /monitoring-settings/{scopeId}) on the
 * emulators: an agreement the round makes afterwards is monitored with them, one made before keeps
 * the settings it was made under, and bad settings are named by field and change nothing.
 */
class MonitoringSettingsOfARoundTest {

    /** Q1 2002 ends on Sunday 30 June: 15 working days on is Friday 19 July, 20 is Friday 26 July. */
    private static final String Q1 = "2002-03-Q1";
    private static final String FIFTEEN_DAYS = """
            {"returnDueWorkingDays": 15, "finalReturnDueWorkingDays": 30, "holdGraceWorkingDays": 5,
             "holdAcrossAgreements": true, "retainFinalInstalment": false,
             "reminders": [{"id": "r-due", "offsetWorkingDays": 0, "audience": "LEAD"}]}""";

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void contractsInMonitoring() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-04-01");
    }

    private Response keep(Actor caller, String body) {
        return stack.call("put-monitoring-settings.json", caller, Map.of("scopeId", ROUND), body);
    }

    private JsonNode settingsSeenBy(Actor caller) {
        Response read = stack.call("get-monitoring-settings.json", caller, Map.of("scopeId", ROUND), null);
        assertThat(read.status()).isEqualTo(200);
        return read.body();
    }

    private List<AuditEntry> kept() {
        return stack.wiring.auditLog().page(ROUND, Optional.empty(), 100).entries().stream()
                .filter(entry -> entry.action().equals("MONITORING_SETTINGS_KEPT")).toList();
    }

    private String q1DueOf(String agreementId) {
        JsonNode agreement = stack.call("get-agreement.json", MANAGER, Map.of("agreementId", agreementId), null).body();
        return StreamSupport.stream(agreement.get("returns").spliterator(), false)
                .filter(item -> item.path("key").asText().equals(Q1)).findFirst().orElseThrow().get("due").asText();
    }

    @Test
    void aRoundMonitorsWithTheStandardSettingsUntilItsManagerKeepsOthers() {
        JsonNode standard = settingsSeenBy(OFFICER);

        assertThat(standard.get("returnDueWorkingDays").asInt()).isEqualTo(20);
        assertThat(standard.get("inWords").asText()).startsWith("returns due 20 working days after their quarter");
        assertThat(q1DueOf(SKILLS)).isEqualTo("2002-07-26");
    }

    @Test
    void anAgreementMadeAfterTheManagerKeptNewSettingsIsMonitoredWithThemAndOneMadeBeforeKeepsItsOwn() {
        Response saved = keep(MANAGER, FIFTEEN_DAYS);
        new MonitoringService(stack.wiring.monitoring(), new InMemoryAddressees(), stack.wiring.clock())
                .enter(MANAGER, List.of(contract("contract-later", "later-org", "officer-chen")));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(settingsSeenBy(LEAD).get("returnDueWorkingDays").asInt()).isEqualTo(15);
        assertThat(q1DueOf("contract-later")).as("made after: 15 working days").isEqualTo("2002-07-19");
        assertThat(q1DueOf(SKILLS)).as("made before: still 20").isEqualTo("2002-07-26");
        assertThat(kept()).singleElement().satisfies(entry -> {
            assertThat(entry.actorEmail()).isEqualTo(MANAGER.email());
            assertThat(entry.before()).isEqualTo("the standard settings");
            assertThat(entry.after()).startsWith("returns due 15 working days after their quarter, the final one 30");
        });
    }

    @Test
    void savingTheSameSettingsAgainRecordsNothingMore() {
        keep(MANAGER, FIFTEEN_DAYS);
        Response again = keep(MANAGER, FIFTEEN_DAYS);

        assertThat(again.status()).isEqualTo(200);
        assertThat(kept()).hasSize(1);
    }

    @Test
    void badSettingsAreNamedByFieldAndChangeNothing() {
        Response bad = keep(MANAGER, """
                {"returnDueWorkingDays": -1, "finalReturnDueWorkingDays": 30, "holdGraceWorkingDays": 5,
                 "holdAcrossAgreements": "yes", "retainFinalInstalment": false, "colour": "red",
                 "reminders": [{"id": "r-due", "offsetWorkingDays": 0, "audience": "EVERYONE"}]}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("returnDueWorkingDays", "holdAcrossAgreements", "colour",
                "reminders[0].audience");
        assertThat(settingsSeenBy(MANAGER).get("returnDueWorkingDays").asInt()).isEqualTo(20);
        assertThat(kept()).isEmpty();
    }

    @Test
    void onlyAManagerBoundToTheRoundKeepsItsSettingsAndOnlyPeopleBoundToItSeeThem() {
        Actor managerElsewhere = person("manager-elsewhere", Role.PROGRAMME_MANAGER, null, "coventry-2005");

        assertThat(keep(OFFICER, FIFTEEN_DAYS).status()).isEqualTo(403);
        assertThat(keep(managerElsewhere, FIFTEEN_DAYS).status()).isEqualTo(403);
        assertThat(stack.call("get-monitoring-settings.json", managerElsewhere, Map.of("scopeId", ROUND), null)
                .status()).isEqualTo(403);
        assertThat(kept()).isEmpty();
    }
}
