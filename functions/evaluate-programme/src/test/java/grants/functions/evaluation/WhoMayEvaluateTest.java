package grants.functions.evaluation;

import grants.core.access.Actor;
import grants.core.evaluation.LinkToken;
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

import static grants.functions.evaluation.EvaluationOnTheEmulators.ADVISER;
import static grants.functions.evaluation.EvaluationOnTheEmulators.AUDITOR;
import static grants.functions.evaluation.EvaluationOnTheEmulators.ELSEWHERE;
import static grants.functions.evaluation.EvaluationOnTheEmulators.EVALUATOR;
import static grants.functions.evaluation.EvaluationOnTheEmulators.FINANCE;
import static grants.functions.evaluation.EvaluationOnTheEmulators.MANAGER;
import static grants.functions.evaluation.EvaluationOnTheEmulators.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of EvaluateProgramme, called by every role of Learning to Deliver and by an evaluator of
 * another programme: allowed where "Who may do what" says (a 404 or 409 for the sample's state is still
 * allowed), else 403. The evaluator and the manager run the evaluation, auditors read it, nobody else
 * sees it. Without signing in: 401, except the two routes of a survey's link, which answer a token that
 * opens nothing with 404 (and a valid one, in {@link EvaluateProgrammeHandlerTest}, with the survey).
 * Opening and reminding are called on the end survey, never set up, so no email is sent.
 */
class WhoMayEvaluateTest {

    private static final List<Actor> EVERYONE = List.of(EVALUATOR, MANAGER, AUDITOR, MEMBER, FINANCE, ADVISER, ELSEWHERE);
    private static final Set<Actor> EVALUATE = Set.of(EVALUATOR, MANAGER);
    private static final Set<Actor> READ = Set.of(EVALUATOR, MANAGER, AUDITOR);

    private record Sample(Map<String, String> path, String body, Set<Actor> allowed) {
    }

    private static EvaluationOnTheEmulators stack;

    private static Map<String, Sample> samples() {
        return Map.ofEntries(
                Map.entry(EvaluationRoutes.SURVEYS, new Sample(Map.of(), null, READ)),
                Map.entry(EvaluationRoutes.SURVEY, new Sample(Map.of("wave", "baseline"), null, READ)),
                Map.entry(EvaluationRoutes.SET_UP, new Sample(Map.of("wave", "baseline"), stack.setUpBody("2007-05-31"), EVALUATE)),
                Map.entry(EvaluationRoutes.OPEN, new Sample(Map.of("wave", "end"), null, EVALUATE)),
                Map.entry(EvaluationRoutes.REMIND, new Sample(Map.of("wave", "end"), null, EVALUATE)),
                Map.entry(EvaluationRoutes.INTERVIEWS, new Sample(Map.of(), null, READ)),
                Map.entry(EvaluationRoutes.INTERVIEW, new Sample(Map.of("interviewId", "birmingham-1"),
                        "{\"partnershipId\": \"birmingham\", \"on\": \"2007-04-30\", \"interviewee\": \"The project lead\", \"notes\": \"Helpful.\"}",
                        EVALUATE)),
                Map.entry(EvaluationRoutes.RECOMMEND, new Sample(Map.of(), "{\"text\": \"Pool days earlier.\"}", EVALUATE)),
                Map.entry(EvaluationRoutes.REPORT, new Sample(Map.of(), null, READ)),
                Map.entry(EvaluationRoutes.REPORT_CSV, new Sample(Map.of(), null, READ)),
                Map.entry(EvaluationRoutes.QUESTIONS, new Sample(Map.of("token", LinkToken.generate()), null, Set.copyOf(EVERYONE))),
                Map.entry(EvaluationRoutes.ANSWER, new Sample(Map.of("token", LinkToken.generate()),
                        "{\"answers\": {}}", Set.copyOf(EVERYONE))));
    }

    @BeforeAll
    static void freshStack() {
        stack = new EvaluationOnTheEmulators(WhoMayEvaluateTest.class);
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(EvaluateProgrammeHandler.ROUTES);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String route, String who, boolean allowed) {
        Sample sample = samples().get(route);
        int status = stack.call(RouteMatrix.byEmail(EVERYONE, who), route, sample.path(), sample.body()).status();
        RouteMatrix.expect(route + " by " + who, status, allowed);
    }

    static Stream<Arguments> cases() {
        if (stack == null) {
            freshStack();
        }
        Map<String, Set<Actor>> allowed = new HashMap<>();
        samples().forEach((route, sample) -> allowed.put(route, sample.allowed()));
        return RouteMatrix.everyRouteByEveryone(allowed, EVERYONE);
    }

    @Test
    void withoutSigningInOnlyASurveysLinkAnswersAndATokenThatOpensNothingIsA404() {
        samples().forEach((route, sample) -> {
            int status = stack.call(null, route, sample.path(), sample.body()).status();
            assertThat(status).as(route).isEqualTo(EvaluateProgrammeHandler.PUBLIC_ROUTES.contains(route) ? 404 : 401);
        });
    }
}
