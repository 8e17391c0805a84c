package grants.functions.assessment;

import grants.core.access.Actor;
import grants.testing.RouteMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static grants.functions.assessment.AssessmentsOnTheEmulators.ADVISER;
import static grants.functions.assessment.AssessmentsOnTheEmulators.AUDITOR;
import static grants.functions.assessment.AssessmentsOnTheEmulators.COVENTRY_LEAD;
import static grants.functions.assessment.AssessmentsOnTheEmulators.ELSEWHERE;
import static grants.functions.assessment.AssessmentsOnTheEmulators.FINANCE;
import static grants.functions.assessment.AssessmentsOnTheEmulators.MANAGER;
import static grants.functions.assessment.AssessmentsOnTheEmulators.REVIEWER;
import static grants.functions.assessment.AssessmentsOnTheEmulators.RUGBY_CHAMPION;
import static grants.functions.assessment.AssessmentsOnTheEmulators.RUGBY_LEAD;
import static grants.functions.assessment.AssessmentsOnTheEmulators.STEERING_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of AssessPartnerships, called by everyone of Learning to Deliver and by a manager of
 * another programme: allowed where "Who may do what" says (a 404 or 409 for the sample's state is still
 * allowed), else 403. Rugby's routes are Rugby's members' (the champion alone confirms); Coventry's
 * representative is refused them.
 */
class WhoMayAssessTest {

    private static final List<Actor> EVERYONE = List.of(MANAGER, RUGBY_LEAD, RUGBY_CHAMPION, COVENTRY_LEAD, REVIEWER,
            STEERING_GROUP, AUDITOR, ADVISER, FINANCE, ELSEWHERE);
    private static final Map<String, String> RUGBY = Map.of("partnershipId", "rugby", "assessmentId", "rugby-baseline");

    private record Sample(Map<String, String> path, String body, Set<Actor> allowed) {
    }

    private static final Map<String, Sample> SAMPLES = Map.of(
            AssessmentRoutes.PUT_FRAMEWORK, new Sample(Map.of(), "{\"domains\": []}", Set.of(MANAGER)),
            AssessmentRoutes.GET_FRAMEWORK, new Sample(Map.of(), null, Set.of(MANAGER, RUGBY_LEAD, RUGBY_CHAMPION,
                    COVENTRY_LEAD, REVIEWER, STEERING_GROUP, AUDITOR, ADVISER)),
            AssessmentRoutes.PUT_ASSESSMENT, new Sample(RUGBY, "{\"wave\": \"BASELINE\", \"kind\": \"SELF\", \"answers\": []}",
                    Set.of(RUGBY_LEAD, RUGBY_CHAMPION)),
            AssessmentRoutes.GET_ASSESSMENTS, new Sample(RUGBY, null, Set.of(MANAGER, RUGBY_LEAD, RUGBY_CHAMPION, REVIEWER,
                    AUDITOR)),
            AssessmentRoutes.CONFIRM, new Sample(RUGBY, null, Set.of(RUGBY_CHAMPION)),
            AssessmentRoutes.CO_SIGN, new Sample(RUGBY, null, Set.of(REVIEWER)),
            AssessmentRoutes.GET_PROFILE, new Sample(RUGBY, null, Set.of(MANAGER, RUGBY_LEAD, RUGBY_CHAMPION, REVIEWER,
                    STEERING_GROUP, AUDITOR)),
            AssessmentRoutes.GET_TABLE, new Sample(Map.of(), null, Set.of(MANAGER, REVIEWER, STEERING_GROUP, AUDITOR)));

    private static AssessmentsOnTheEmulators stack;

    @BeforeAll
    static void learningToDeliversFrameworkIsSet() {
        stack = new AssessmentsOnTheEmulators(WhoMayAssessTest.class);
        stack.frameworkIsSet();
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(AssessPartnershipsHandler.ROUTES);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        SAMPLES.forEach((route, sample) -> EVERYONE.forEach(actor ->
                cases.add(Arguments.of(route, actor.email(), sample.allowed().contains(actor)))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("cases")
    void eachRoleIsAllowedOrRefused(String route, String who, boolean allowed) {
        Sample sample = SAMPLES.get(route);
        int status = stack.call(AssessmentsOnTheEmulators.request(route, RouteMatrix.byEmail(EVERYONE, who), sample.path(),
                sample.body())).status();
        RouteMatrix.expect(route + " by " + who, status, allowed);
    }
}
