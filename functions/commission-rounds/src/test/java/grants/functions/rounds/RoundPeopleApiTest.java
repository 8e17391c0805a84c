package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.dynamodb.DynamoBindingStore;
import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.Role;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom a manager chooses a panel member from, on the emulators (every call checked against
 * CommissionRounds' policy): the people bound in the round with a person id, by name, and nobody
 * bound elsewhere; refused to anyone who may not name a panel there.
 */
class RoundPeopleApiTest {

    private final SettableClock clock = RoundSteps.roundsClock();
    private RoundSteps steps;
    private DynamoBindingStore bindings;

    @BeforeEach
    void aRoundWithItsPeopleBound() {
        RoundsOnTheEmulators emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        steps = new RoundSteps(new CommissionRoundsHandler(emulators.wiring()), clock);
        RoundSteps.ok(steps.setUp());
        // Bound as AllocateGrants binds them (the store is written by the test, not by CommissionRounds).
        bindings = new DynamoBindingStore(emulators.wiring().table());
        bindings.put(bound("sub-u5", RoundSteps.ROUND, "Amrit Kaur", "u5", "hillfields-ca"));
        bindings.put(bound("sub-board-01", RoundSteps.ROUND, "Brenda Hale", "board-01", null));
        bindings.put(new Binding("sub-pathways", RoundSteps.ROUND, "Pathways Trust", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("pathways")));
        bindings.put(bound("sub-x9", "another-round", "Someone elsewhere", "x9", null));
    }

    private static Binding bound(String subject, String scope, String name, String personId, String organisationId) {
        return new Binding(subject, scope, name, Optional.empty(), Optional.empty(), Optional.of(personId),
                Optional.ofNullable(organisationId));
    }

    @Test
    void theManagerSeesEachPersonBoundInTheRoundByName() {
        JsonNode people = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_PEOPLE, Map.of(), null)).get("people");

        assertThat(people).hasSize(2);
        assertThat(people.get(0).get("personId").asText()).isEqualTo("u5");
        assertThat(people.get(0).get("name").asText()).isEqualTo("Amrit Kaur");
        assertThat(people.get(0).get("organisationId").asText()).isEqualTo("hillfields-ca");
        assertThat(people.get(1).get("personId").asText()).isEqualTo("board-01");
        assertThat(people.get(1).has("organisationId")).as("no organisation, none said").isFalse();
        assertThat(people.toString()).as("an organisation's binding and another round's people are not listed")
                .doesNotContain("Pathways Trust", "x9");
    }

    @Test
    void aPersonUnboundIsNoLongerListed() {
        bindings.remove("sub-u5", RoundSteps.ROUND);

        JsonNode people = RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_PEOPLE, Map.of(), null)).get("people");
        assertThat(people).hasSize(1);
        assertThat(people.get(0).get("personId").asText()).isEqualTo("board-01");
    }

    @Test
    void theSubGroupNamingItsPanelSeesThemToo() {
        JsonNode people = RoundSteps.ok(steps.call(person(Role.SUB_GROUP, "unemployment"), RoundRoutes.GET_PEOPLE, Map.of(),
                null)).get("people");
        assertThat(people).extracting(person -> person.get("personId").asText()).containsExactly("u5", "board-01");
    }

    @Test
    void nobodyElseSeesThem() {
        Actor managerOfAnotherRound = new Actor("sub-other", "other@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of("another-round"));

        assertThat(steps.call(managerOfAnotherRound, RoundRoutes.GET_PEOPLE, Map.of(), null).getStatusCode()).isEqualTo(403);
        assertThat(steps.call(person(Role.PANEL_MEMBER, "u5"), RoundRoutes.GET_PEOPLE, Map.of(), null).getStatusCode())
                .isEqualTo(403);
    }
}
