package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.monitoring.BankHolidayCalendar;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank holidays kept as data (GET and PUT /bank-holidays) on the emulators: a day a manager adds
 * counts at once in every working-day rule, without a deploy; only a manager bound everywhere changes
 * them; bad days are named and change nothing.
 */
class BankHolidaysTest {

    /** The 2002 holidays of the sample stack, and Monday 29 July 2002 as if one had been announced. */
    private static final String WITH_29_JULY = """
            {"days": ["2002-05-06", "2002-06-03", "2002-06-04", "2002-07-29", "2002-08-26", "2002-12-25",
                      "2002-12-26", "2003-01-01", "2003-04-18", "2003-04-21"]}""";

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void contractsInMonitoring() {
        stack = new MonitoringOnTheEmulators(getClass());
        stack.on("2002-07-31");
    }

    private Response keep(Actor caller, String body) {
        return stack.call("put-bank-holidays.json", caller, Map.of(), body);
    }

    private int q1WorkingDaysLate() {
        JsonNode agreement = stack.call("get-agreement.json", MANAGER, Map.of("agreementId", SKILLS), null).body();
        return StreamSupport.stream(agreement.get("returns").spliterator(), false)
                .filter(item -> item.path("key").asText().equals("2002-03-Q1")).findFirst().orElseThrow()
                .get("workingDaysLate").asInt();
    }

    private List<AuditEntry> kept() {
        return stack.wiring.auditLog().page(BankHolidayCalendar.TRAIL, Optional.empty(), 100).entries();
    }

    @Test
    void aBankHolidayAManagerAddsCountsAtOnceInEveryWorkingDayRule() {
        assertThat(q1WorkingDaysLate()).as("due Friday 26 July: Monday to Wednesday late").isEqualTo(3);

        Response saved = keep(MANAGER, WITH_29_JULY);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("days").toString()).contains("{\"date\":\"2002-07-29\",\"inWords\":\"29 July 2002\"}");
        assertThat(q1WorkingDaysLate()).as("the Monday is no longer a working day").isEqualTo(2);
        assertThat(kept()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BANK_HOLIDAYS_KEPT");
            assertThat(entry.actorEmail()).isEqualTo(MANAGER.email());
            assertThat(entry.after()).contains("4 June 2002, 29 July 2002, 26 August 2002");
        });

        assertThat(keep(MANAGER, WITH_29_JULY).status()).isEqualTo(200);
        assertThat(kept()).as("the same days again record nothing").hasSize(1);
    }

    @Test
    void onlyAManagerBoundEverywhereChangesThemAndEveryoneWhoMonitorsReadsThem() {
        Actor managerOfTheRound = person("manager-round", Role.PROGRAMME_MANAGER, null, ROUND);

        assertThat(keep(managerOfTheRound, WITH_29_JULY).status()).isEqualTo(403);
        assertThat(keep(OFFICER, WITH_29_JULY).status()).isEqualTo(403);
        Response read = stack.call("get-bank-holidays.json", OFFICER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("days")).hasSize(9);
        assertThat(kept()).isEmpty();
    }

    @Test
    void badDaysAreNamedAndChangeNothing() {
        Response bad = keep(MANAGER, """
                {"days": ["2002-07-29", "2002-02-30", "2002-07-29", 20020729], "note": "x"}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("days[1]", "days[2]", "days[3]", "note");
        assertThat(q1WorkingDaysLate()).isEqualTo(3);
        assertThat(kept()).isEmpty();
    }
}
