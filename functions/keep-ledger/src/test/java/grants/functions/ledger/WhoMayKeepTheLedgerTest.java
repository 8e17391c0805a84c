package grants.functions.ledger;

import grants.core.access.Actor;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static grants.functions.ledger.LedgerOnTheEmulators.AUDITOR;
import static grants.functions.ledger.LedgerOnTheEmulators.DEPUTY;
import static grants.functions.ledger.LedgerOnTheEmulators.ELSEWHERE;
import static grants.functions.ledger.LedgerOnTheEmulators.FINANCE;
import static grants.functions.ledger.LedgerOnTheEmulators.L2D;
import static grants.functions.ledger.LedgerOnTheEmulators.MANAGER;
import static grants.functions.ledger.LedgerOnTheEmulators.MEMBER;
import static grants.functions.ledger.LedgerOnTheEmulators.STEERING_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of KeepLedger, called by every role of Learning to Deliver and by a manager of another
 * programme: allowed where "Who may do what" says (a 404 or 409 for the sample's state is still
 * allowed), else 403; nobody is let in without signing in.
 */
class WhoMayKeepTheLedgerTest {

    private static final List<Actor> EVERYONE = List.of(MANAGER, DEPUTY, FINANCE, STEERING_GROUP, AUDITOR, MEMBER,
            ELSEWHERE);
    private static final Set<Actor> STATEMENT_READERS = Set.of(MANAGER, DEPUTY, FINANCE, STEERING_GROUP, AUDITOR);
    private static final Set<Actor> LEDGER_READERS = Set.of(MANAGER, DEPUTY, FINANCE, AUDITOR);

    private record Sample(Map<String, String> path, String body, Set<Actor> allowed) {
    }

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry(LedgerRoutes.STATEMENT, new Sample(Map.of(), null, STATEMENT_READERS)),
            Map.entry(LedgerRoutes.BUDGET_CSV, new Sample(Map.of(), null, STATEMENT_READERS)),
            Map.entry(LedgerRoutes.LINE, new Sample(Map.of("year", "2007-08", "lineId", "evaluation"),
                    "{\"title\": \"Evaluation\", \"source\": \"Core\", \"budget\": \"10000.00\", \"pays\": [\"EVALUATION\"]}",
                    Set.of(MANAGER, DEPUTY))),
            Map.entry(LedgerRoutes.ENTRIES, new Sample(Map.of(), null, LEDGER_READERS)),
            Map.entry(LedgerRoutes.LEDGER_CSV, new Sample(Map.of(), null, LEDGER_READERS)),
            Map.entry(LedgerRoutes.ADJUST, new Sample(Map.of(),
                    "{\"year\": \"2007-08\", \"line\": \"core-grants\", \"amount\": \"-1.00\", \"reason\": \"a rounding\"}",
                    Set.of(FINANCE))),
            Map.entry(LedgerRoutes.ASK_OVERSPEND, new Sample(Map.of(),
                    "{\"year\": \"2007-08\", \"line\": \"core-grants\", \"amount\": \"1.00\", \"reason\": \"a rounding\"}",
                    Set.of(MANAGER, DEPUTY))),
            Map.entry(LedgerRoutes.APPROVE_OVERSPEND, new Sample(Map.of("requestId", "unknown"), null,
                    Set.of(MANAGER, DEPUTY, FINANCE))),
            Map.entry(LedgerRoutes.CARRY_FORWARD, new Sample(Map.of(), "{\"to\": \"" + LedgerOnTheEmulators.NEXT_YEAR + "\"}",
                    Set.of(MANAGER, DEPUTY))),
            // A programme is not a round: those allowed are told so (404), the others refused (403).
            Map.entry(LedgerRoutes.MONEY_BY_PRIORITY, new Sample(Map.of(), null, STATEMENT_READERS)),
            Map.entry(LedgerRoutes.MONEY_BY_PRIORITY_CSV, new Sample(Map.of(), null, STATEMENT_READERS)));

    private static LedgerOnTheEmulators stack;

    @BeforeAll
    static void learningToDeliversLinesAreSet() {
        stack = new LedgerOnTheEmulators(WhoMayKeepTheLedgerTest.class);
        stack.setUpLearningToDeliver();
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(KeepLedgerHandler.ROUTES);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String route, String who, boolean allowed) {
        Sample sample = SAMPLES.get(route);
        int status = LedgerOnTheEmulators.call(stack.handler, RouteMatrix.byEmail(EVERYONE, who), route, L2D,
                sample.path(), sample.body(), "key-" + who.replaceAll("[^A-Za-z0-9]", "-")).status();
        RouteMatrix.expect(route + " by " + who, status, allowed);
    }

    static Stream<Arguments> cases() {
        Map<String, Set<Actor>> allowed = new HashMap<>();
        SAMPLES.forEach((route, sample) -> allowed.put(route, sample.allowed()));
        return RouteMatrix.everyRouteByEveryone(allowed, EVERYONE);
    }

    @Test
    void nobodyIsLetInWithoutSigningIn() {
        SAMPLES.forEach((route, sample) -> assertThat(LedgerOnTheEmulators.call(stack.handler, null, route, L2D,
                sample.path(), sample.body(), null).status()).as(route).isEqualTo(401));
    }
}
