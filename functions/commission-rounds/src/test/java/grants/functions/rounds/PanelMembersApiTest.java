package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Role;
import grants.documents.Json;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A panel's page and the way forward for a panel left below quorum, on the emulators (every call
 * checked against CommissionRounds' policy): the page warns, the manager or the specification's
 * sub-group adds a member, audited in the same transaction, until the specification is published.
 */
class PanelMembersApiTest {

    private final SettableClock clock = RoundSteps.roundsClock();
    private RoundSteps steps;

    @BeforeEach
    void decided() {
        steps = new RoundSteps(new CommissionRoundsHandler(RoundsOnTheEmulators.wiring(getClass(), clock).wiring()), clock);
        steps.decide();
    }

    @Test
    void thePanelPageWarnsOfAMissingVoluntaryOrCommunityMemberAndAddingOneClearsIt() {
        JsonNode skills = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_PANEL, Map.of("specificationId", "spec-skills"), null));
        assertThat(skills.get("hasVoluntaryOrCommunityMember").asBoolean()).isFalse();
        assertThat(skills.get("belowQuorum").asBoolean()).isFalse();
        assertThat(skills.get("warnings").toString()).contains("No voluntary or community member");

        JsonNode added = RoundSteps.ok(steps.call(person(Role.SUB_GROUP, "skills"), RoundRoutes.ADD_PANEL_MEMBER,
                Map.of("specificationId", "spec-skills"), Json.object().put("id", "s3").put("name", "Volunteer tutor")
                        .put("organisation", "cvs")));
        assertThat(added.get("members")).hasSize(3);
        assertThat(added.get("warnings")).isEmpty();
        JsonNode audit = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_AUDIT, Map.of(), null));
        assertThat(audit.toString()).contains("PANEL_MEMBER_ADDED").contains("s3");
    }

    @Test
    void anotherSubGroupIsRefusedAndNoMemberIsAddedOncePublished() {
        assertThat(steps.call(person(Role.SUB_GROUP, "crime"), RoundRoutes.ADD_PANEL_MEMBER,
                Map.of("specificationId", "spec-skills"), Json.object().put("id", "s3").put("name", "Volunteer tutor")
                        .put("organisation", "cvs")).getStatusCode()).isEqualTo(403);
        assertThat(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_DECISIONS, Map.of(), null))
                .get("waitingSpecifications")).as("every proposal decided: nothing waits").isEmpty();
        RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));
        assertThat(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_ROUND, Map.of(), null))
                .get("publishedSpecifications")).hasSize(6);
        assertThat(steps.call(manager(), RoundRoutes.ADD_PANEL_MEMBER, Map.of("specificationId", "spec-skills"),
                Json.object().put("id", "s3").put("name", "Volunteer tutor").put("organisation", "cvs")).getStatusCode())
                .isEqualTo(409);
    }
}
