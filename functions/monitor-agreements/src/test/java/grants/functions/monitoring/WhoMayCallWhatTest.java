package grants.functions.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static grants.functions.monitoring.MonitoringOnTheEmulators.AUDITOR;
import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.PROPOSER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SUB_GROUP;
import static grants.functions.monitoring.MonitoringOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of MonitorAgreements, called by every role: allowed where "Who may do what" says (a
 * 409 for the sample's state is still allowed), 403 where not. Each person is bound in the round as
 * themselves: the officer the sample agreement names, a lead contact of its organisation.
 */
class WhoMayCallWhatTest {

    private static final Actor BOARD_MEMBER = person("board-01", Role.BOARD_MEMBER, null, ROUND);
    private static final Actor PANEL_MEMBER = person("panel-01", Role.PANEL_MEMBER, null, ROUND);
    private static final Actor PARTNERSHIP_MEMBER = person("rugby", Role.PARTNERSHIP_MEMBER, null, "*");
    private static final Actor ADVISER = person("adviser-health", Role.ADVISER, null, "*");
    private static final List<Actor> EVERYONE = List.of(MANAGER, FINANCE, OFFICER, SUB_GROUP, LEAD, AUDITOR, PROPOSER,
            BOARD_MEMBER, PANEL_MEMBER, PARTNERSHIP_MEMBER, ADVISER);
    private static final Set<Actor> WHO_MONITORS = Set.of(MANAGER, FINANCE, OFFICER, SUB_GROUP, LEAD, AUDITOR);

    private static final Map<String, Set<Actor>> ALLOWED = Map.ofEntries(
            Map.entry("list-agreements.json", WHO_MONITORS),
            Map.entry("get-agreement.json", WHO_MONITORS),
            Map.entry("get-agreement-reminders.json", WHO_MONITORS),
            Map.entry("submit-return.json", Set.of(LEAD)),
            Map.entry("save-return-draft.json", Set.of(LEAD)),
            Map.entry("accept-return.json", Set.of(MANAGER, OFFICER, SUB_GROUP)),
            Map.entry("send-return-back.json", Set.of(MANAGER, OFFICER, SUB_GROUP)),
            Map.entry("skip-return.json", Set.of(MANAGER)),
            Map.entry("vary-return.json", Set.of(MANAGER, OFFICER)),
            Map.entry("vary-milestone.json", Set.of(MANAGER, OFFICER)),
            Map.entry("achieve-milestone.json", Set.of(OFFICER)),
            Map.entry("waive-milestone.json", Set.of(MANAGER)),
            Map.entry("hold-instalment.json", Set.of(MANAGER, FINANCE)),
            Map.entry("release-instalment.json", Set.of(MANAGER, FINANCE)),
            Map.entry("ask-for-override.json", Set.of(MANAGER, FINANCE, OFFICER)),
            Map.entry("approve-override.json", Set.of(MANAGER, FINANCE)),
            Map.entry("terminate-agreement.json", Set.of(MANAGER)),
            Map.entry("accept-agreement.json", Set.of(LEAD)),
            Map.entry("put-officer.json", Set.of(MANAGER)),
            Map.entry("get-review-queue.json", Set.of(MANAGER, OFFICER, SUB_GROUP, AUDITOR)),
            Map.entry("post-payment-run.json", Set.of(MANAGER, FINANCE)),
            Map.entry("get-payment-runs.json", Set.of(MANAGER, FINANCE)),
            Map.entry("get-payment-file.json", Set.of(MANAGER, FINANCE)),
            Map.entry("get-held-list.json", Set.of(MANAGER, FINANCE)),
            Map.entry("get-monitoring-settings.json", WHO_MONITORS),
            Map.entry("put-monitoring-settings.json", Set.of(MANAGER)),
            Map.entry("get-monitoring-report.json", Set.of(MANAGER, FINANCE, OFFICER, SUB_GROUP, AUDITOR)),
            Map.entry("get-bank-holidays.json", WHO_MONITORS),
            Map.entry("put-bank-holidays.json", Set.of(MANAGER)));

    private static MonitoringOnTheEmulators stack;

    @BeforeAll
    static void contractsInMonitoring() {
        stack = new MonitoringOnTheEmulators(WhoMayCallWhatTest.class);
        stack.on("2002-07-15");
    }

    static Stream<Arguments> everyRouteByEveryone() {
        return RouteMatrix.everyRouteByEveryone(ALLOWED, EVERYONE);
    }

    @Test
    void theMatrixCoversEveryRoute() {
        assertThat(ALLOWED).hasSameSizeAs(MonitorAgreementsHandler.ROUTES);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("everyRouteByEveryone")
    void eachRoleIsAllowedOrRefused(String eventFile, String who, boolean allowed) {
        int status = stack.call(eventFile, RouteMatrix.byEmail(EVERYONE, who)).status();

        RouteMatrix.expect(eventFile + " by " + who, status, allowed);
    }

    @Test
    void peopleBoundInAnotherRoundSeeAndChangeNothingOfThisOne() {
        Actor manager = person("manager-elsewhere", Role.PROGRAMME_MANAGER, null, "coventry-2005");
        Actor officer = person("officer-chen", Role.OFFICER, null, "coventry-2005");
        Actor lead = person("lead-skills-nina", Role.LEAD_CONTACT, "skills-network", "coventry-2005");

        assertThat(stack.call("get-agreement.json", manager).status()).isEqualTo(403);
        assertThat(stack.call("waive-milestone.json", manager).status()).isEqualTo(403);
        assertThat(stack.call("accept-return.json", officer).status()).isEqualTo(403);
        assertThat(stack.call("get-agreement.json", lead).status()).isEqualTo(403);
        assertThat(stack.call("list-agreements.json", manager).body().get("agreements")).isEmpty();
        assertThat(stack.call("list-agreements.json", lead).body().get("agreements")).isEmpty();
    }
}
