package grants.functions.reporting;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.testing.HandlerAnswer;
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

import static grants.functions.reporting.ReportingOnTheEmulators.ANN;
import static grants.functions.reporting.ReportingOnTheEmulators.AUDITOR;
import static grants.functions.reporting.ReportingOnTheEmulators.BO;
import static grants.functions.reporting.ReportingOnTheEmulators.BOARD;
import static grants.functions.reporting.ReportingOnTheEmulators.MANAGER;
import static grants.functions.reporting.ReportingOnTheEmulators.PARTNER;
import static grants.functions.reporting.ReportingOnTheEmulators.REGISTER;
import static grants.functions.reporting.ReportingOnTheEmulators.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of ReportPerformance, called by every role: allowed where "Who may do what" says (a 409
 * or 400 for the sample's state is still allowed), 403 where not. Ann owns NI 152, which the samples
 * name; Bo owns another indicator, so the route lets him in and the use case refuses him. People
 * bound elsewhere (a round's proposer, a programme's adviser) read nothing of the register.
 */
class WhoMayReportWhatTest {

    private static final Actor FINANCE = person("finance-dev", Role.FINANCE_OFFICER, "*");
    private static final Actor PROPOSER = person("proposer-skills", Role.PROPOSER, "coventry-2008");
    private static final Actor ADVISER = person("adviser-health", Role.ADVISER, "west-midlands-2007");
    private static final Actor ELSEWHERE_MANAGER = person("manager-elsewhere", Role.PROGRAMME_MANAGER, "another-laa");
    private static final List<Actor> EVERYONE = List.of(MANAGER, ANN, BO, BOARD, AUDITOR, PARTNER, FINANCE, PROPOSER,
            ADVISER, ELSEWHERE_MANAGER);
    /** Everyone bound to the register, whatever their role, reads it. */
    private static final Set<Actor> BOUND = Set.of(MANAGER, ANN, BO, BOARD, AUDITOR, PARTNER, FINANCE);

    private static final Map<String, Set<Actor>> ALLOWED = Map.ofEntries(
            Map.entry("get-register.json", BOUND),
            Map.entry("put-register.json", Set.of(MANAGER)),
            Map.entry("put-theme.json", Set.of(MANAGER)),
            Map.entry("put-outcome.json", Set.of(MANAGER)),
            Map.entry("put-person.json", Set.of(MANAGER)),
            Map.entry("put-indicator.json", Set.of(MANAGER)),
            Map.entry("post-meeting.json", Set.of(MANAGER)),
            Map.entry("get-my-indicators.json", Set.of(ANN, BO)),
            Map.entry("post-figure.json", Set.of(MANAGER, ANN)),
            Map.entry("post-figures-csv.json", Set.of(MANAGER, ANN)),
            Map.entry("put-narrative.json", Set.of(ANN)),
            Map.entry("get-card.json", BOUND),
            Map.entry("get-board-pack.json", BOUND),
            Map.entry("get-public-figures.json", Set.copyOf(EVERYONE)),
            Map.entry("get-public-card.json", Set.copyOf(EVERYONE)),
            Map.entry("get-public-observations.json", Set.copyOf(EVERYONE)),
            Map.entry("get-public-indicators.json", Set.copyOf(EVERYONE)));

    private static ReportingOnTheEmulators stack;

    @BeforeAll
    static void theRegisterKeptAndTheQuarterOver() {
        stack = new ReportingOnTheEmulators(WhoMayReportWhatTest.class);
        stack.on("2008-09-01");
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(ALLOWED.keySet()).hasSize(ReportPerformanceHandler.ROUTES.size());
    }

    /** Each sample event sent as each person: allowed (anything but 401 and 403), or refused with a 403. */
    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String eventFile, String who, boolean allowed) {
        Actor caller = RouteMatrix.byEmail(EVERYONE, who);
        RouteMatrix.expect(eventFile + " by " + who, stack.call(eventFile, caller).status(), allowed);
    }

    static Stream<Arguments> cases() {
        return RouteMatrix.everyRouteByEveryone(ALLOWED, EVERYONE);
    }

    @Test
    void nobodySignedInReadsOnlyWhatBoardMeetingsPublished() {
        for (String route : ALLOWED.keySet()) {
            int status = stack.call(route, null).status();
            if (route.startsWith("get-public-")) {
                assertThat(status).as(route).isNotIn(401, 403);
            } else {
                assertThat(status).as(route + " without signing in").isEqualTo(401);
            }
        }
    }

    @Test
    void theOwnerOfAnotherIndicatorIsRefusedByNameAndNothingChanges() {
        List<String> before = stack.recordedActions();

        HandlerAnswer figure = stack.call("post-figure.json", BO);
        HandlerAnswer narrative = stack.call("put-narrative.json", BO);

        assertThat(figure.status()).isEqualTo(403);
        assertThat(figure.code()).isEqualTo("NOT_OWNER");
        assertThat(narrative.status()).isEqualTo(403);
        assertThat(narrative.code()).isEqualTo("NOT_NARRATIVE_OWNER");
        assertThat(stack.recordedActions()).isEqualTo(before);
    }

    @Test
    void aManagerOfAnotherRegisterKeepsNothingOfThisOne() {
        assertThat(stack.call("put-theme.json", ELSEWHERE_MANAGER).code()).isEqualTo("NOT_MANAGER");
        assertThat(stack.call("get-register.json", ELSEWHERE_MANAGER).status()).isEqualTo(403);
        assertThat(stack.call("get-register.json", MANAGER).body().path("registerId").asText()).isEqualTo(REGISTER);
    }
}
